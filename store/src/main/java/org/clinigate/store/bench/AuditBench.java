package org.clinigate.store.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditLog;
import org.clinigate.core.audit.VerifyReport;
import org.clinigate.store.Store;
import org.clinigate.store.StoreConfig;
import org.clinigate.store.audit.AuditSettings;

/**
 * Measures durable audit appends per second: T threads append N records in all, each append returning only once its
 * record is committed (and synced, on H2). Prints every round and the median; the first round warms up and is not
 * counted. Records are ~400 bytes: identity, model, flags and two digests, no text.
 *
 * <pre>
 * java -cp ... org.clinigate.store.bench.AuditBench [--url JDBC] [--user U] [--threads 64] [--records 20000]
 *     [--rounds 5] [--batch 256]
 * </pre>
 *
 * Without {@code --url} each round gets a fresh H2 file database in a temporary directory.
 */
public final class AuditBench {

    private AuditBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int threads = Integer.parseInt(options.getOrDefault("threads", "64"));
        int records = Integer.parseInt(options.getOrDefault("records", "20000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "256"));
        String url = options.get("url");
        AuditSettings audit = new AuditSettings(1000, false, batch, AuditSettings.DEFAULT_KEY_ENV, null);
        if (url != null) {
            StoreConfig config = StoreConfig.embedded(Path.of(".")).withAudit(audit)
                    .withUrl(url, options.getOrDefault("user", "clinigate"), "CLINIGATE_DB_PASSWORD");
            run(round -> config, threads, records, rounds, System.out);
            return;
        }
        List<Path> dirs = new ArrayList<>();
        try {
            run(round -> StoreConfig.embedded(tempDir(dirs)).withAudit(audit), threads, records, rounds, System.out);
        } finally {
            for (Path dir : dirs) {
                deleteTree(dir);
            }
        }
    }

    private static Path tempDir(List<Path> dirs) {
        try {
            Path dir = Files.createTempDirectory("clinigate-bench");
            dirs.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Runs warm-up plus {@code rounds} rounds, each on the config the function gives, and prints the figures. */
    public static double run(Function<Integer, StoreConfig> configs, int threads, int records, int rounds,
            PrintStream out) throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> env = Map.of(AuditSettings.DEFAULT_KEY_ENV, Base64.getEncoder().encodeToString(key));
        Function<String, String> lookup = name -> env.containsKey(name) ? env.get(name) : System.getenv(name);
        List<Double> rates = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            StoreConfig config = configs.apply(round);
            try (Store store = Store.open(config, lookup)) {
                double rate = round(store.auditLog(), threads, records);
                out.printf("round %d%s: %,.0f appends/s (%d threads, %d records, batch <= %d)%n", round,
                        round == 0 ? " (warm-up)" : "", rate, threads, records, config.audit().maxBatch());
                if (round > 0) {
                    rates.add(rate);
                }
                if (round == rounds) {
                    long start = System.nanoTime();
                    VerifyReport report = store.auditLog().verify();
                    out.printf("verify: %s in %d ms%n", report.describe(), (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        rates.sort(Comparator.naturalOrder());
        double median = rates.get(rates.size() / 2);
        out.printf("median %,.0f appends/s, min %,.0f, max %,.0f%n", median, rates.get(0),
                rates.get(rates.size() - 1));
        return median;
    }

    private static double round(AuditLog log, int threads, int records) throws Exception {
        int each = records / threads;
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        log.append(event(thread, i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return each * threads / seconds;
    }

    private static AuditEvent event(int thread, int i) {
        return AuditEvent.builder().who("tenant-" + (thread % 4), "key-" + thread, "clinician")
                .endpoint("POST /v1/chat/completions").model("medgemma-4b-it").tokens(120 + i % 50, 80)
                .latencyMicros(200_000 + i).railFlags(i % 10 == 0 ? List.of("disclaimer") : List.of())
                .prompt("de-identified prompt " + i).response("de-identified response " + i).build();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
