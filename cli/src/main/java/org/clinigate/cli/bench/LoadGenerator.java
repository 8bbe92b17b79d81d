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

    /** What one run measured. */
    record Result(String label, long[] micros, long errors, double seconds, String firstError) {

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

    private final HttpClient http;
    private volatile String firstError;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    LoadGenerator() {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    Result run(String label, URI uri, List<String> bodies, int clients, Duration duration, boolean firstByteOnly)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        firstError = null;
        List<long[]> perClient = new ArrayList<>();
        int[] counts = new int[clients];
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] samples = new long[1 << 16];
            perClient.add(samples);
            int me = c;
            threads.add(Thread.ofVirtual().start(() -> {
                int i = me;
                long[] buf = samples;
                int n = 0;
                while (System.nanoTime() < end) {
                    String body = bodies.get(i++ % bodies.size());
                    long s = System.nanoTime();
                    long took = send(uri, body, firstByteOnly, s);
                    if (took < 0) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == buf.length) {
                        buf = Arrays.copyOf(buf, n * 2);
                        perClient.set(me, buf);
                    }
                    buf[n++] = took;
                }
                counts[me] = n;
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
        return new Result(label, all, errors.get(), seconds, firstError);
    }

    /** Microseconds until the whole answer (or its first byte) arrived; -1 on any failure. */
    private long send(URI uri, String body, boolean firstByteOnly, long start) {
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
