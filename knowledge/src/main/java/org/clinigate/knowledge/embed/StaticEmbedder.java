package org.clinigate.knowledge.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Static embeddings distilled from all-MiniLM-L6-v2: one 384-dimensional vector per word piece of the model's
 * tokenizer; a text's vector is the sum of its pieces' vectors (each already carries its frequency weight, see
 * {@link Distiller}), scaled to unit length. No network runs per text, so a chunk costs tens of microseconds
 * instead of milliseconds; retrieval is somewhat weaker than the model's (ADR 0020 gives the figures).
 *
 * <p><b>The table</b> is distilled from the model on first use (about 20 s on 2 cores, all cores busy,
 * progress reported), written atomically to a cache file in a folder of the caller's choosing, keyed by the
 * source model's checksum and the recipe, and loaded from there afterwards (a fraction of a second). A cache file
 * that is truncated or corrupt fails its checksum, is logged and rebuilt.
 *
 * <p><b>Texts</b> are tokenized with the model's own tokenizer, without [CLS] and [SEP]; pieces without a vector
 * ([UNK]) are skipped. Only the first {@value #MAX_CHARS} characters count, so a pasted book costs no more than a
 * long chunk. A text with no known piece (empty, white space only) gets one fixed unit vector.
 *
 * <p>Thread safe: the table is read only and the tokenizer accepts concurrent calls. Lists of texts are embedded
 * in parallel on the common fork-join pool. Failures to load the tokenizer
 * or to build the table are CG-5006; a cache folder that cannot be written is logged and the table kept in memory.
 */
public final class StaticEmbedder implements Embedder, AutoCloseable {

    /** The id recorded in indexes built with these vectors; it differs from the source model's. */
    public static final String MODEL_ID = "static-minilm-l6-v2-q";

    /** Characters of a text that are embedded; the rest is ignored. */
    public static final int MAX_CHARS = 16_384;

    private static final System.Logger LOG = System.getLogger(StaticEmbedder.class.getName());
    private static final int DIMENSION = 384;
    /** Lists at least this long are embedded on the common fork-join pool as well as the calling thread. */
    private static final int PARALLEL_FROM = 8;

    /** Reports the progress of a table build: {@code done} of {@code total} word pieces. */
    @FunctionalInterface
    public interface Progress {
        /** Reports nothing. */
        Progress NONE = (done, total) -> {
        };

        /** Called from the building thread, at the start, after each block of pieces, and at the end. */
        void update(int done, int total);

        /** Logs every tenth of the build at INFO. */
        static Progress logging() {
            int[] lastTenth = {-1};
            return (done, total) -> {
                int tenth = total == 0 ? 10 : done * 10 / total;
                if (tenth != lastTenth[0]) {
                    lastTenth[0] = tenth;
                    LOG.log(System.Logger.Level.INFO, "static embeddings: distilled {0} of {1} word pieces", done,
                            total);
                }
            };
        }
    }

    private final HuggingFaceTokenizer tokenizer;
    private final float[] table;
    private final int rows;

    private StaticEmbedder(HuggingFaceTokenizer tokenizer, float[] table) {
        this.tokenizer = tokenizer;
        this.table = table;
        this.rows = table.length / DIMENSION;
    }

    /** Loads the table from {@code cacheDir}, or distills it and writes it there, logging progress. */
    public static StaticEmbedder open(Path cacheDir) {
        return open(cacheDir, Progress.logging());
    }

    /** Loads the table from {@code cacheDir}, or distills it (reporting to {@code progress}) and writes it there. */
    public static StaticEmbedder open(Path cacheDir, Progress progress) {
        return open(cacheDir, progress, id -> true, "all");
    }

    /**
     * As {@link #open(Path, Progress)}, distilling only the pieces that {@code include} accepts, named
     * {@code restriction} in the cache key. For tests, where a full build would dominate the run time.
     */
    static StaticEmbedder open(Path cacheDir, Progress progress, IntPredicate include, String restriction) {
        byte[] tokenizerJson;
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizerJson = MiniLmEmbedder.resource(MiniLmEmbedder.TOKENIZER);
            tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson), Map.of(
                    "addSpecialTokens", "false", "padding", "false", "truncation", "false"));
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new ClinigateException(ErrorCode.CG_5006, "cannot load the tokenizer of " + MODEL_ID + ": " + e
                    .getClass().getSimpleName(), e);
        }
        try {
            String key = String.join("|", MODEL_ID, MiniLmEmbedder.MODEL_ID, sourceChecksum(),
                    Distiller.RECIPE, restriction);
            Path file = cacheDir.resolve(MODEL_ID + "-" + sha256(key).substring(0, 16) + ".table");
            return new StaticEmbedder(tokenizer, loadOrBuild(file, key, tokenizerJson, include, progress));
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    private static float[] loadOrBuild(Path file, String key, byte[] tokenizerJson, IntPredicate include,
            Progress progress) {
        try {
            return TableFile.read(file, key, DIMENSION);
        } catch (NoSuchFileException e) {
            LOG.log(System.Logger.Level.INFO, "static embeddings: no cache at {0}; distilling the table from {1}",
                    file, MiniLmEmbedder.MODEL_ID);
        } catch (TableFile.Corrupt e) {
            LOG.log(System.Logger.Level.WARNING, "static embeddings: cache {0} is unusable ({1}); rebuilding it", file,
                    e.getMessage());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "static embeddings: cannot read cache {0} ({1}); rebuilding it",
                    file, e.getClass().getSimpleName());
        }
        float[] table = build(tokenizerJson, include, progress);
        try {
            TableFile.write(file, key, DIMENSION, table);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "static embeddings: cannot write cache {0} ({1}); the table is kept "
                    + "in memory only", file, e.getClass().getSimpleName());
        }
        return table;
    }

    private static float[] build(byte[] tokenizerJson, IntPredicate include, Progress progress) {
        long t0 = System.nanoTime();
        WordPieces vocabulary;
        try {
            vocabulary = WordPieces.parse(tokenizerJson);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_5006, "cannot read the vocabulary of " + MiniLmEmbedder.MODEL_ID
                    + ": " + e.getMessage(), e);
        }
        try (MiniLmEmbedder model = new MiniLmEmbedder()) {
            int[] pieces = {0};
            float[] table = Distiller.distil(model, vocabulary, include, (done, total) -> {
                pieces[0] = total;
                progress.update(done, total);
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            int cores = Runtime.getRuntime().availableProcessors();
            LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, "static embeddings: distilled %d word "
                    + "pieces in %.1f s on %d threads", pieces[0], seconds, cores));
            return table;
        }
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.size() < PARALLEL_FROM) {
            List<float[]> out = new ArrayList<>(texts.size());
            for (String text : texts) {
                out.add(embed(text));
            }
            return out;
        }
        // Tokenizing is most of the cost (a few microseconds per piece); texts are independent.
        return IntStream.range(0, texts.size()).parallel().mapToObj(i -> embed(texts.get(i))).toList();
    }

    @Override
    public float[] embed(String text) {
        float[] sum = new float[DIMENSION];
        for (long piece : pieces(text)) {
            int id = (int) piece;
            if (id < 0 || id >= rows) {
                continue;
            }
            // Sum of weighted piece vectors; the norm is divided out below, so no mean is needed.
            int at = id * DIMENSION;
            for (int d = 0; d < DIMENSION; d++) {
                sum[d] += table[at + d];
            }
        }
        return Vectors.normalize(sum);
    }

    /** The word-piece ids of the first {@value #MAX_CHARS} characters of {@code text}, without special tokens. */
    long[] pieces(String text) {
        String head = text;
        if (text.length() > MAX_CHARS) {
            // Never split a surrogate pair: half a character would be an unknown piece.
            int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
            head = text.substring(0, end);
        }
        return tokenizer.encode(head, false, false).getIds();
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String sourceChecksum;

    /** SHA-256 over the source model file and its tokenizer, computed once per JVM. */
    private static synchronized String sourceChecksum() {
        if (sourceChecksum == null) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                md.update(MiniLmEmbedder.resource(MiniLmEmbedder.MODEL));
                md.update(MiniLmEmbedder.resource(MiniLmEmbedder.TOKENIZER));
                sourceChecksum = HexFormat.of().formatHex(md.digest());
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new ClinigateException(ErrorCode.CG_5006, "cannot read embedding model " + MiniLmEmbedder.MODEL_ID
                        + ": " + e.getClass().getSimpleName(), e);
            }
        }
        return sourceChecksum;
    }
}
