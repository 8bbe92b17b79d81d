package org.clinigate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clinigate.core.phi.DeidPolicy;
import org.clinigate.core.phi.PhiMap;
import org.clinigate.deid.ClinicalDeidentifier;
import org.clinigate.synth.GoldCorpusGenerator;
import org.clinigate.synth.GoldDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure throughput. 'bench deid' de-identifies a synthetic corpus on one thread: it warms "
        + "up, runs timed rounds, and prints the median and spread in MB/s.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "What to measure: deid, gateway, inference, keys, security, knowledge, eval "
            + "(the eval harness's items/s against a loopback model; --docs items, --clients in flight, "
            + "--backend-delay-ms) or eval-report (the eval report of a MedQA run in headless chromium; --input "
            + "SUITE).")
    String target;

    @Option(names = "--db-url", description = "security: measure on this PostgreSQL (jdbc:postgresql://...; password "
            + "from CLINIGATE_DB_PASSWORD) instead of an embedded H2.")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "clinigate", description = "security: the database user.")
    String dbUser;

    @Option(names = "--chunks", defaultValue = "10000", description = "knowledge: chunks to index (default: ${DEFAULT-VALUE}).")
    int chunks;

    @Option(names = "--queries", defaultValue = "300", description = "knowledge: timed queries (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--knowledge-mode", defaultValue = "model", description = "knowledge: model (embed every chunk), "
            + "fast-ingest (real query embeddings, stand-in chunk vectors, for large N) or hashing.")
    String knowledgeMode;

    @Option(names = "--embedder", defaultValue = "model", description = "knowledge: model (all-MiniLM-L6-v2) or "
            + "static (static vectors distilled from it; the table is built on first use) (default: ${DEFAULT-VALUE}).")
    String embedder;

    @Option(names = "--model", description = "inference: a GGUF file; tokens/s through the backend and straight through the binding.")
    java.nio.file.Path model;

    @Option(names = "--tokens", defaultValue = "128", description = "inference: tokens per round (default: ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--threads", defaultValue = "2", description = "inference: llama.cpp threads; security: concurrent threads for the second run (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--clients", defaultValue = "200", description = "gateway: concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "60", description = "gateway: seconds per measured run (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--prompt-bytes", defaultValue = "2048", description = "gateway: prompt size (default: ${DEFAULT-VALUE}).")
    int promptBytes;

    @Option(names = "--stream-clients", defaultValue = "20", description = "gateway: clients for the streaming run (default: ${DEFAULT-VALUE}).")
    int streamClients;

    @Option(names = "--backend-delay-ms", defaultValue = "0", description = "gateway: the fake backend's time per answer, standing for the model (default: ${DEFAULT-VALUE}).")
    long backendDelayMs;

    @Option(names = "--backend-jitter-ms", defaultValue = "0", description = "gateway: each answer of the fake backend waits the delay plus or minus up to this many milliseconds, drawn uniformly, so that clients do not stay in step (default: ${DEFAULT-VALUE}; at most the delay).")
    long backendJitterMs;

    @Option(names = "--external-load", defaultValue = "0", description = "gateway: only start the backend and the gateway, print their URLs and a file of request bodies, and keep them up this many seconds for an external load generator such as wrk.")
    int externalSeconds;

    @Option(names = "--mode", defaultValue = "tag", description = "Transformation mode (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--docs", defaultValue = "2000", description = "Corpus size in documents (default: ${DEFAULT-VALUE}).")
    int docs;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "Warm-up seconds (default: 120 for gateway, whose JIT needs about two "
            + "minutes on 2 cores, see ADR 0006; 5 otherwise).")
    Integer warmupOption;

    /** Set in {@link #call()} from {@link #warmupOption} and the target. */
    int warmup;

    @Option(names = "--rounds", defaultValue = "10", description = "Timed rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--input", description = "Measure on these texts instead of the synthetic corpus: a JSONL file "
            + "(its \"text\" fields), a plain-text file, or a folder of them.")
    java.nio.file.Path input;

    @Override
    public Integer call() throws Exception {
        warmup = warmupOption != null ? warmupOption : target.equals("gateway") ? 120 : 5;
        if (target.equals("inference")) {
            if (model == null) {
                System.err.println("error: CG-1001: bench inference needs --model PATH.gguf");
                return 2;
            }
            org.clinigate.inference.llama.LlamaThroughput.run(model, rounds, tokens, threads, System.out);
            System.exit(0); // llama.cpp keeps a non-daemon thread alive once a model is loaded
        }
        if (target.equals("keys")) {
            return benchKeys();
        }
        if (target.equals("knowledge")) {
            org.clinigate.knowledge.bench.KnowledgeBench.main(new String[]{"--chunks", Integer.toString(chunks),
                    "--queries", Integer.toString(queries), "--mode", knowledgeMode, "--embedder", embedder});
            return 0;
        }
        if (target.equals("security")) {
            org.clinigate.cli.bench.SecurityBench.run(
                    new org.clinigate.cli.bench.SecurityBench.Options(seconds, threads, dbUrl, dbUser), System.out);
            return 0;
        }
        if (target.equals("eval")) {
            org.clinigate.cli.eval.EvalBench.run(new org.clinigate.cli.eval.EvalBench.Options(docs, clients, rounds,
                    Math.max(1, Math.min(2, warmup)), backendDelayMs), System.out);
            return 0;
        }
        if (target.equals("eval-report")) {
            return org.clinigate.cli.eval.ReportRenderBench.run(input, rounds, System.out);
        }
        if (target.equals("gateway")) {
            if (backendJitterMs < 0 || backendJitterMs > backendDelayMs) {
                System.err.println("error: CG-1001: --backend-jitter-ms must lie between 0 and --backend-delay-ms ("
                        + backendDelayMs + ")");
                return 2;
            }
            org.clinigate.cli.bench.GatewayBench.run(new org.clinigate.cli.bench.GatewayBench.Options(clients, seconds,
                    warmup, promptBytes, streamClients, backendDelayMs, externalSeconds, backendJitterMs), System.out);
            return 0;
        }
        if (!target.equals("deid")) {
            System.err.println(
                    "error: CG-1001: unknown benchmark; allowed: deid, gateway, inference, keys, security, knowledge, eval, "
                            + "eval-report");
            return 2;
        }
        DeidPolicy policy = DeidPolicy.parse(mode);
        List<String> texts;
        try {
            texts = input == null ? synthetic(docs) : BenchInput.read(input);
        } catch (java.io.IOException e) {
            System.err
                    .println("error: CG-1002: cannot read the benchmark input (" + e.getClass().getSimpleName() + ")");
            return 66;
        }
        long bytes = 0;
        for (String t : texts) {
            bytes += t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        ClinicalDeidentifier deid = ClinicalDeidentifier.create();
        long end = System.nanoTime() + warmup * 1_000_000_000L;
        while (System.nanoTime() < end) {
            pass(deid, texts, policy);
        }
        double[] mbs = new double[rounds];
        double[] cpu = new double[rounds];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            pass(deid, texts, policy);
            mbs[r] = bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
            cpu[r] = bytes / 1e6 / ((threads.getCurrentThreadCpuTime() - c0) / 1e9);
        }
        java.util.Arrays.sort(mbs);
        java.util.Arrays.sort(cpu);
        System.out.printf(Locale.ROOT,
                "bench deid: mode=%s corpus=%s, %d docs, %.2f MB UTF-8; one thread; %d rounds after %d s warm-up%n",
                mode, input == null ? "synthetic" : "--input", texts.size(), bytes / 1e6, rounds, warmup);
        System.out.printf(Locale.ROOT, "throughput MB/s: median %.2f  min %.2f  max %.2f  (p25 %.2f, p75 %.2f)%n",
                mbs[rounds / 2], mbs[0], mbs[rounds - 1], mbs[rounds / 4], mbs[(3 * rounds) / 4]);
        // Per core: bytes over the thread's own CPU time, which other processes on the machine do not inflate.
        System.out.printf(Locale.ROOT, "per core (thread CPU time) MB/s: median %.2f  min %.2f  max %.2f%n",
                cpu[rounds / 2], cpu[0], cpu[rounds - 1]);
        return 0;
    }

    /** Per-request key verification (prefix, cached lookup, SHA-256, constant-time compare) against H2. */
    private int benchKeys() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("clinigate-keys");
        try (org.clinigate.store.Store store = org.clinigate.store.Store
                .open(org.clinigate.store.StoreConfig.embedded(dir), k -> null)) {
            String secret = store.apiKeys().create("bench", "clinician").secret();
            org.clinigate.server.http.KeyAuthenticator auth = new org.clinigate.server.http.KeyAuthenticator(
                    store.apiKeys());
            String header = "Bearer " + secret;
            for (int i = 0; i < 200_000; i++) {
                auth.authenticate(header);
            }
            double[] us = new double[rounds];
            int n = 200_000;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    auth.authenticate(header);
                }
                us[r] = (System.nanoTime() - t0) / 1e3 / n;
            }
            java.util.Arrays.sort(us);
            System.out.printf(Locale.ROOT, "bench keys: %d verifications per round, %d rounds; one thread%n", n,
                    rounds);
            System.out.printf(Locale.ROOT, "microseconds per verification: median %.2f  min %.2f  max %.2f%n",
                    us[rounds / 2], us[0], us[rounds - 1]);
            long t0 = System.nanoTime();
            store.apiKeys().byPrefix(org.clinigate.core.auth.KeyFormat.prefixOf(secret));
            System.out.printf(Locale.ROOT, "uncached lookup (once per key per 5 s): %.0f us%n",
                    (System.nanoTime() - t0) / 1e3);
        }
        return 0;
    }

    private static List<String> synthetic(int docs) {
        List<String> texts = new ArrayList<>();
        for (GoldDocument d : new GoldCorpusGenerator(20_261_128L).generate(docs)) {
            texts.add(d.text());
        }
        return texts;
    }

    private static void pass(ClinicalDeidentifier deid, List<String> texts, DeidPolicy policy) {
        PhiMap scope = PhiMap.create("bench");
        for (String t : texts) {
            deid.deidentify(t, policy, scope);
        }
    }
}
