package org.clinigate.cli.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditOutcome;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiMap;
import org.clinigate.core.pipeline.PhiVault;
import org.clinigate.core.pipeline.ScopeKey;
import org.clinigate.core.quota.QuotaLimits;
import org.clinigate.core.quota.Quotas;
import org.clinigate.server.http.KeyAuthenticator;
import org.clinigate.store.Store;
import org.clinigate.store.StoreConfig;

/**
 * {@code clinigate bench security}: what the security path costs one request, stage by stage, on the embedded
 * store (or the database {@code --db-url} names): API key verification, the quota admission and charge, the
 * encrypted vault's load and save of a conversation scope, and the durable audit append. Each stage runs alone, one
 * thread and then {@code threads} threads at once, and reports p50 and p99 per operation; the sum of the p50s is
 * the security path's share of a request.
 */
public final class SecurityBench {

    private SecurityBench() {
    }

    /** Settings of one run. */
    public record Options(int seconds, int threads, String dbUrl, String dbUser) {
    }

    @FunctionalInterface
    private interface Op {
        void run(int thread, int i) throws Exception;
    }

    public static void run(Options o, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("clinigate-security-bench");
        StoreConfig config = StoreConfig.embedded(dir);
        if (o.dbUrl() != null) {
            config = config.withUrl(o.dbUrl(), o.dbUser(), "CLINIGATE_DB_PASSWORD");
        }
        // As the gateway's audit.journal: CLINIGATE_AUDIT_JOURNAL=true measures the journaled commit (ADR 0008).
        boolean journal = "true".equalsIgnoreCase(System.getenv("CLINIGATE_AUDIT_JOURNAL"));
        config = config.withAudit(config.audit().withJournal(journal));
        try (Store store = Store.open(config)) {
            String secret = store.apiKeys().create("bench", "clinician").secret();
            KeyAuthenticator keys = new KeyAuthenticator(store.apiKeys());
            String header = "Bearer " + secret;
            Quotas quotas = store.quotas(new QuotaLimits(new QuotaLimits.Limit(100_000_000, 10_000_000_000L),
                    new QuotaLimits.Limit(100_000_000, 10_000_000_000L), Map.of()));
            PhiVault vault = store.phiVault();
            AtomicInteger conversations = new AtomicInteger();
            out.printf(Locale.ROOT, "bench security: %s store, %d s per stage and thread count, %d cores%n",
                    o.dbUrl() == null ? (journal ? "embedded H2 (audit journal)" : "embedded H2") : "PostgreSQL",
                    o.seconds(),
                    Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "%-34s %8s %10s %10s %12s%n", "stage", "threads", "p50 us", "p99 us", "ops/s");
            double[] sum = new double[2];
            int[] counts = {1, o.threads()};
            for (int t = 0; t < counts.length; t++) {
                int threads = counts[t];
                sum[t] += stage(out, "API key verification (cached)", threads, o.seconds(),
                        (th, i) -> keys.authenticate(header));
                sum[t] += stage(out, "quota admit + charge (4 buckets)", threads, o.seconds(), (th, i) -> {
                    if (!quotas.admit("bench", "key-" + th, 600).allowed()) {
                        throw new IllegalStateException("bench quota refused");
                    }
                    quotas.charge("bench", "key-" + th, 200);
                });
                sum[t] += stage(out, "vault load + save (AES-256-GCM)", threads, o.seconds(), (th, i) -> {
                    ScopeKey key = ScopeKey.conversation("bench", "c-" + th + "-" + (i % 64));
                    PhiMap map = vault.scope(key);
                    map.replacementFor(PhiCategory.NAME, "Name " + th + "-" + i, n -> "[NAME_" + n + "]");
                    vault.save(key, map);
                    conversations.incrementAndGet();
                });
                AuditEvent event = AuditEvent.builder().who("bench", "key-bench", "clinician")
                        .endpoint("POST /v1/chat/completions").model("bench-model")
                        .outcome(AuditOutcome.ALLOWED, 200, null).tokens(600, 200).latencyMicros(1200)
                        .prompt("Summarize: [NAME_1] seen on [DATE_1].").response("[NAME_1] is stable.").build();
                sum[t] += stage(out, "audit append (durable)", threads, o.seconds(),
                        (th, i) -> store.auditLog().append(event));
            }
            out.printf(Locale.ROOT, "security path, sum of p50s: %.0f us with 1 thread, %.0f us with %d threads%n",
                    sum[0], sum[1], o.threads());
            out.printf(Locale.ROOT, "(vault scopes written: %d; audit chain intact: %s)%n", conversations.get(),
                    store.auditLog().verify().ok());
        }
    }

    /** Runs {@code op} for {@code seconds} on {@code threads} threads; prints and returns the p50 in microseconds. */
    private static double stage(PrintStream out, String name, int threads, int seconds, Op op) throws Exception {
        warm(op, Math.max(1, seconds / 3));
        List<long[]> samples = new ArrayList<>();
        int[] n = new int[threads];
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> running = new ArrayList<>();
        Exception[] failure = new Exception[1];
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[1 << 16];
            samples.add(mine);
            int me = t;
            running.add(Thread.ofPlatform().start(() -> {
                long[] buf = mine;
                int k = 0;
                try {
                    while (System.nanoTime() < end) {
                        long s = System.nanoTime();
                        op.run(me, k);
                        if (k == buf.length) {
                            buf = Arrays.copyOf(buf, k * 2);
                            samples.set(me, buf);
                        }
                        buf[k++] = System.nanoTime() - s;
                    }
                } catch (Exception e) {
                    failure[0] = e;
                }
                n[me] = k;
            }));
        }
        for (Thread t : running) {
            t.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        int total = Arrays.stream(n).sum();
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(samples.get(t), 0, all, k, n[t]);
            k += n[t];
        }
        Arrays.sort(all);
        double p50 = all[total / 2] / 1e3;
        double p99 = all[Math.min(total - 1, (int) (total * 0.99))] / 1e3;
        out.printf(Locale.ROOT, "%-34s %8d %10.1f %10.1f %12.0f%n", name, threads, p50, p99, total / elapsed);
        return p50;
    }

    private static void warm(Op op, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int i = 0;
        while (System.nanoTime() < end) {
            op.run(0, i++);
        }
    }
}
