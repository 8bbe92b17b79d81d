package org.clinigate.cli.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator: {@code clients} virtual threads, each sending the next prompt as soon
 * as its previous answer is complete, for a fixed time. Records every latency (or time to first byte)
 * in microseconds.
 */
final class LoadGenerator {

    /**
     * What one run measured. {@code ownMicros}: for each answer that said how long the backend took (the gateway's
     * {@code Server-Timing: upstream;dur=}, the bench backend's {@code X-Backend-Time-Us}), the latency less that
     * time, sorted: what the path adds to each request, free of the spread of the backend's own times.
     */
    record Result(String label, long[] micros, long errors, double seconds, String firstError, long[] ownMicros) {

        long ownPercentile(double p) {
            if (ownMicros.length == 0) {
                return -1;
            }
            return ownMicros[Math.min(ownMicros.length - 1, (int) Math.floor(p * ownMicros.length))];
        }

        double rate() {
            return micros.length / seconds;
        }

        long percentile(double p) {
            if (micros.length == 0) {
                return -1;
            }
            return micros[Math.min(micros.length - 1, (int) Math.floor(p * micros.length))];
        }

        String line() {
            return String.format(Locale.ROOT,
                    "%-22s %7.0f req/s  errors %d  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %8.2f ms%s", label,
                    rate(), errors, percentile(0.50) / 1000.0, percentile(0.90) / 1000.0, percentile(0.99) / 1000.0,
                    percentile(1.0) / 1000.0, firstError == null ? "" : "  (first error: " + firstError + ")");
        }
    }

    private volatile HttpClient http;
    private volatile String firstError;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * A new client, so that each run opens its own connections: one kept from an earlier run may have been closed
     * by the server's idle timeout while that run's other target was measured, and a POST sent on it fails.
     */
    private static HttpClient client(ExecutorService executor) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor).connectTimeout(Duration
                .ofSeconds(10)).build();
    }

    Result run(String label, URI uri, List<String> bodies, int clients, Duration duration, boolean firstByteOnly)
            throws InterruptedException {
        HttpClient previous = http;
        http = client(executor);
        if (previous != null) {
            previous.close();
        }
        long end = System.nanoTime() + duration.toNanos();
        firstError = null;
        List<long[]> perClient = new ArrayList<>();
        List<long[]> ownPerClient = new ArrayList<>();
        int[] ownCounts = new int[clients];
        int[] counts = new int[clients];
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] samples = new long[1 << 16];
            perClient.add(samples);
            long[] ownSamples = new long[1 << 16];
            ownPerClient.add(ownSamples);
            int me = c;
            threads.add(Thread.ofVirtual().start(() -> {
                int i = me;
                long[] buf = samples;
                long[] own = ownSamples;
                int n = 0;
                int m = 0;
                long[] upstream = new long[1];
                while (System.nanoTime() < end) {
                    String body = bodies.get(i++ % bodies.size());
                    long s = System.nanoTime();
                    upstream[0] = -1;
                    long took = send(uri, body, firstByteOnly, s, upstream);
                    if (took < 0) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == buf.length) {
                        buf = Arrays.copyOf(buf, n * 2);
                        perClient.set(me, buf);
                    }
                    buf[n++] = took;
                    if (upstream[0] >= 0) {
                        if (m == own.length) {
                            own = Arrays.copyOf(own, m * 2);
                            ownPerClient.set(me, own);
                        }
                        own[m++] = took - upstream[0];
                    }
                }
                counts[me] = n;
                ownCounts[me] = m;
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient.get(c), 0, all, k, counts[c]);
            k += counts[c];
        }
        Arrays.sort(all);
        long[] own = new long[Arrays.stream(ownCounts).sum()];
        k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(ownPerClient.get(c), 0, own, k, ownCounts[c]);
            k += ownCounts[c];
        }
        Arrays.sort(own);
        return new Result(label, all, errors.get(), seconds, firstError, own);
    }

    private static final java.util.regex.Pattern UPSTREAM = java.util.regex.Pattern.compile(
            "(?:^|,)\\s*upstream;dur=([0-9.]+)");

    /** The backend's time in microseconds as the answer reports it, or -1. */
    static long upstreamMicros(HttpResponse<?> r) {
        java.util.Optional<String> timing = r.headers().firstValue("Server-Timing");
        if (timing.isPresent()) {
            java.util.regex.Matcher m = UPSTREAM.matcher(timing.get());
            return m.find() ? Math.round(Double.parseDouble(m.group(1)) * 1000) : -1;
        }
        return r.headers().firstValue("X-Backend-Time-Us").map(Long::parseLong).orElse(-1L);
    }

    /**
     * Microseconds until the whole answer (or its first byte) arrived; -1 on any failure. {@code upstream[0]} gets
     * the backend's time the answer reports, in microseconds, when it reports one.
     */
    private long send(URI uri, String body, boolean firstByteOnly, long start, long[] upstream) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                int first = in.read();
                long firstByte = (System.nanoTime() - start) / 1000;
                in.transferTo(OutputStreamSink.INSTANCE);
                if (r.statusCode() != 200 || first < 0) {
                    noteError("HTTP " + r.statusCode());
                    return -1;
                }
                if (!firstByteOnly) {
                    upstream[0] = upstreamMicros(r);
                }
                return firstByteOnly ? firstByte : (System.nanoTime() - start) / 1000;
            }
        } catch (Exception e) {
            noteError(e.getClass().getSimpleName());
            return -1;
        }
    }

    private void noteError(String what) {
        if (firstError == null) {
            firstError = what;
        }
    }

    /** Discards bytes. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
