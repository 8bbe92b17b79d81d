package org.clinigate.knowledge.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.clinigate.knowledge.KnowledgeIndex;
import org.clinigate.knowledge.SearchFilter;
import org.clinigate.knowledge.SourceDocument;
import org.clinigate.knowledge.embed.Embedder;
import org.clinigate.knowledge.embed.Embedders;
import org.clinigate.knowledge.embed.HashingEmbedder;
import org.clinigate.knowledge.embed.MiniLmEmbedder;

/**
 * Measures the knowledge index on generated guideline-like text: the bare embedding model's rate, ingest in
 * chunks/s including embeddings (and as a fraction of the bare rate), and hybrid retrieval latency (p50, p95, p99)
 * at N chunks. It prints figures; it asserts nothing.
 *
 * <p>Modes: {@code model} embeds everything with the embedder; {@code fast-ingest} builds the index with
 * model-free hashed vectors of the same dimension (384) so that 100,000 chunks take minutes, while every query
 * still pays for a real MiniLM embedding, so retrieval latency keeps its true cost structure (query embedding +
 * BM25 + HNSW over N vectors); {@code hashing} uses no model at all and isolates the index's own cost. The
 * embedder ({@code model} = all-MiniLM-L6-v2, {@code static} = static vectors distilled from it) is the model of
 * the first two modes.
 */
public final class KnowledgeBench {

    /** What to run; {@code embedder} is one of {@link Embedders#NAMES}. */
    public record Options(int chunks, int queries, String mode, Path dir, int docsPerBatch, String embedder) {
        public Options {
            if (chunks < 10 || queries < 10) {
                throw new IllegalArgumentException("chunks and queries must be at least 10");
            }
            if (!List.of("model", "fast-ingest", "hashing").contains(mode)) {
                throw new IllegalArgumentException("mode must be model, fast-ingest or hashing, was " + mode);
            }
            Embedders.check(embedder);
        }

        /** With the default embedder (all-MiniLM-L6-v2). */
        public Options(int chunks, int queries, String mode, Path dir, int docsPerBatch) {
            this(chunks, queries, mode, dir, docsPerBatch, Embedders.MODEL);
        }
    }

    /** The figures of one run. */
    public record Result(int chunks, double bareModelChunksPerSecond, double ingestChunksPerSecond,
            double p50Millis, double p95Millis, double p99Millis, double meanMillis) {
    }

    private KnowledgeBench() {
    }

    /**
     * {@code KnowledgeBench [--chunks N] [--queries Q] [--mode model|fast-ingest|hashing] [--embedder model|static]
     * [--dir PATH]}. A static table is cached beside the index folder (for a temporary folder: in the temporary
     * folder) unless {@value Embedders#CACHE_PROPERTY} names another.
     */
    public static void main(String[] args) throws IOException {
        int chunks = 10_000;
        int queries = 300;
        String mode = "model";
        String embedder = Embedders.MODEL;
        Path dir = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--chunks" -> chunks = Integer.parseInt(args[i + 1]);
                case "--queries" -> queries = Integer.parseInt(args[i + 1]);
                case "--mode" -> mode = args[i + 1];
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--embedder" -> embedder = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path d = dir != null ? dir : Files.createTempDirectory("clinigate-kbench");
        try {
            run(new Options(chunks, queries, mode, d, 100, embedder), System.out);
        } finally {
            if (dir == null) {
                deleteTree(d);
            }
        }
    }

    /** Runs the benchmark in an empty directory, printing progress and figures to {@code out}. */
    public static Result run(Options o, PrintStream out) {
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "knowledge bench: %d chunks (~%d chars each), %d queries, mode %s, embedder %s, %d "
                + "cores, Java %s%n", o.chunks(), BenchCorpus.CHUNK_CHARS, o.queries(), o.mode(), o.embedder(), cores,
                Runtime.version());
        try (Models models = Models.of(o, out)) {
            BenchCorpus corpus = new BenchCorpus(42);
            List<String> sample = corpus.chunkTexts(Math.min(o.chunks(), 640));
            Rate bare = bareRate(models.model, sample);
            if (models.model != null) {
                out.printf(Locale.ROOT, "bare model (%s): %.1f chunks/s on %d chunks%s (%.1f chunks per CPU-second)%n",
                        models.model.modelId(), bare.wall(), sample.size(), models.tokens(sample), bare.perCpuSecond());
            }
            Rate ingest;
            try (KnowledgeIndex index = KnowledgeIndex.open(o.dir(), models.indexEmbedder)) {
                ingest = ingest(index, corpus, o, out);
                if (models.model != null && o.mode().equals("model")) {
                    out.printf(Locale.ROOT, "ingest: %.1f chunks/s including embeddings = %.0f%% of the bare model "
                            + "(%.1f chunks per CPU-second = %.0f%% of the bare model's, whatever else runs)%n",
                            ingest
                                    .wall(),
                            100 * ingest.wall() / bare.wall(), ingest.perCpuSecond(), 100 * ingest
                                    .perCpuSecond() / bare.perCpuSecond());
                } else {
                    out.printf(Locale.ROOT, "ingest: %.1f chunks/s with hashed vectors (no model cost; %.1f chunks per "
                            + "CPU-second)%n", ingest.wall(), ingest.perCpuSecond());
                }
                if (models.model != null) {
                    double[] embed = queryEmbedding(models.model, corpus, o.queries());
                    out.printf(Locale.ROOT, "query embedding alone: p50 %.2f ms, p95 %.2f ms%n", pct(embed, 50), pct(
                            embed, 95));
                }
                double[] ms = latencies(index, corpus, o.queries());
                Result r = new Result(index.chunkCount(), bare.wall(), ingest.wall(), pct(ms, 50), pct(ms, 95),
                        pct(ms, 99), Arrays
                                .stream(ms).average().orElse(0));
                out.printf(Locale.ROOT, "hybrid search k=5 at %d chunks: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, "
                        + "mean %.2f ms over %d queries%n", r.chunks(), r.p50Millis(), r.p95Millis(), r.p99Millis(),
                        r
                                .meanMillis(),
                        ms.length);
                return r;
            }
        }
    }

    /** A rate by the wall clock, and per second of this process's CPU time, which other load does not skew. */
    record Rate(double wall, double perCpuSecond) {
        static Rate of(int items, long wallNanos, long cpuNanos) {
            return new Rate(items / (wallNanos / 1e9), items / (Math.max(1, cpuNanos) / 1e9));
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Rate bareRate(Embedder model, List<String> texts) {
        if (model == null) {
            return new Rate(0, 0);
        }
        // Warm-up: JIT and ONNX Runtime's first runs are several times slower.
        model.embed(texts.subList(0, Math.min(96, texts.size())));
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        for (int i = 0; i < texts.size(); i += 32) {
            model.embed(texts.subList(i, Math.min(texts.size(), i + 32)));
        }
        return Rate.of(texts.size(), System.nanoTime() - t0, cpuNanos() - c0);
    }

    private static Rate ingest(KnowledgeIndex index, BenchCorpus corpus, Options o, PrintStream out) {
        int docs = (o.chunks() + BenchCorpus.CHUNKS_PER_DOC - 1) / BenchCorpus.CHUNKS_PER_DOC;
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        long lastReport = t0;
        for (int first = 0; first < docs; first += o.docsPerBatch()) {
            List<SourceDocument> batch = new ArrayList<>();
            for (int d = first; d < Math.min(docs, first + o.docsPerBatch()); d++) {
                batch.add(corpus.document(d));
            }
            index.addAll(batch);
            long now = System.nanoTime();
            if (now - lastReport > 10e9) {
                out.printf(Locale.ROOT, "  ... %d of %d documents%n", first + batch.size(), docs);
                lastReport = now;
            }
        }
        index.commit();
        return Rate.of(index.chunkCount(), System.nanoTime() - t0, cpuNanos() - c0);
    }

    private static double[] latencies(KnowledgeIndex index, BenchCorpus corpus, int queries) {
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            index.search(corpus.query(random), 5);
        }
        double[] ms = new double[queries];
        for (int i = 0; i < queries; i++) {
            String q = corpus.query(random);
            SearchFilter f = i % 4 == 3
                    ? SearchFilter.specialty(BenchCorpus.SPECIALTIES[i % BenchCorpus.SPECIALTIES.length])
                    : SearchFilter.NONE;
            long t0 = System.nanoTime();
            index.search(q, 5, f);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    private static double[] queryEmbedding(Embedder model, BenchCorpus corpus, int queries) {
        Random random = new Random(7);
        double[] ms = new double[queries];
        for (int i = 0; i < queries; i++) {
            String q = corpus.query(random);
            long t0 = System.nanoTime();
            model.embed(q);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    static double pct(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The model (MiniLM or static vectors) and the embedder the index is built with, per mode. */
    private static final class Models implements AutoCloseable {
        final Embedder model;
        final Embedder indexEmbedder;

        private Models(Embedder model, Embedder indexEmbedder) {
            this.model = model;
            this.indexEmbedder = indexEmbedder;
        }

        static Models of(Options o, PrintStream out) {
            if (o.mode().equals("hashing")) {
                return new Models(null, new HashingEmbedder(384));
            }
            long t0 = System.nanoTime();
            Embedder m = Embedders.create(o.embedder(), Embedders.cacheDir(o.dir()), (done, total) -> {
                if (done == total) {
                    out.printf(Locale.ROOT, "static table: distilled %d word pieces in %.1f s%n", total,
                            (System.nanoTime() - t0) / 1e9);
                }
            });
            out.printf(Locale.ROOT, "embedder %s ready in %.1f s%n", m.modelId(), (System.nanoTime() - t0) / 1e9);
            return switch (o.mode()) {
                case "model" -> new Models(m, m);
                case "fast-ingest" -> new Models(m, new QueryCostEmbedder(m, new HashingEmbedder(m.dimension())));
                default -> throw new UnsupportedOperationException("mode " + o.mode());
            };
        }

        /** ", N word pieces on average" for MiniLM, whose cost grows with them; empty otherwise. */
        String tokens(List<String> sample) {
            if (model instanceof MiniLmEmbedder m) {
                return String.format(Locale.ROOT, " of %.0f word pieces on average", sample.stream().mapToInt(
                        m::tokenCount).average().orElse(0));
            }
            return "";
        }

        @Override
        public void close() {
            if (model instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    // Closing frees native memory only.
                }
            }
        }
    }

    /**
     * Hashed vectors for batches (ingest), but a single text (a query) is also run through the real model, whose
     * result is dropped: queries pay the model's latency while the index holds vectors of one kind.
     */
    private record QueryCostEmbedder(Embedder model, HashingEmbedder hashing) implements Embedder {
        @Override
        public String modelId() {
            return "bench-" + hashing.modelId();
        }

        @Override
        public int dimension() {
            return hashing.dimension();
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            return hashing.embed(texts);
        }

        @Override
        public float[] embed(String text) {
            model.embed(List.of(text));
            return hashing.embed(text);
        }
    }
}
