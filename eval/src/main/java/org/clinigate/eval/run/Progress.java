package org.clinigate.eval.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A progress bar on stderr: done of total, rate, errors and time left, redrawn in place at most every 250 ms. When
 * the stream is not a terminal the caller passes null and nothing is drawn. Thread safe.
 */
public final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private volatile long lastDraw;

    /** {@code out} may be null for no output; {@code total} is the number of items this run will send. */
    public Progress(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    /** Counts one finished item ({@code failed} when it ended in an error) and redraws when due. */
    public void step(boolean failed) {
        int d = done.incrementAndGet();
        if (failed) {
            errors.incrementAndGet();
        }
        long now = System.nanoTime();
        if (out != null && (now - lastDraw > 250_000_000L || d == total)) {
            lastDraw = now;
            draw(d, now);
        }
    }

    private synchronized void draw(int d, long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = d / seconds;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * d / total);
        long eta = rate > 0 ? Math.round((total - d) / rate) : 0;
        out.print(String.format(Locale.ROOT, "\reval [%s%s] %d/%d  %.1f items/s  errors %d  eta %ds ", "#".repeat(
                filled), ".".repeat(WIDTH - filled), d, total, rate, errors.get(), eta));
        if (d == total) {
            out.println();
        }
        out.flush();
    }

    /** Items finished so far. */
    public int done() {
        return done.get();
    }
}
