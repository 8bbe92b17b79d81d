package org.clinigate.inference.models;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar: percent, MB done of total, MB/s and time left. On a terminal it redraws the line with
 * {@code \r} at most every 200 ms; otherwise (a pipe, a log file) it prints a plain line at each tenth of the file,
 * or every 10 s when the size is unknown. MB are 10^6 bytes, as Hugging Face shows them. Not thread safe; used by
 * the downloading thread only.
 */
public final class ProgressBar implements DownloadProgress {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long PLAIN_UNKNOWN_SIZE_NANOS = 10_000_000_000L;
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean interactive;
    private final LongSupplier nanoClock;
    private String file = "";
    private long total = -1;
    private long startOffset;
    private long startNanos;
    private long lastPrintNanos;
    private long lastTenth = -1;
    private long done;
    private int lastWidth;

    /**
     * @param out where to draw, usually stderr
     * @param interactive redraw one line with {@code \r}; false prints plain lines
     * @param nanoClock {@link System#nanoTime}, or a fake in tests
     */
    public ProgressBar(PrintStream out, boolean interactive, LongSupplier nanoClock) {
        this.out = out;
        this.interactive = interactive;
        this.nanoClock = nanoClock;
    }

    /** A bar on stderr, redrawn when stderr looks like a terminal; no output at all when quiet. */
    public static DownloadProgress forStderr(boolean quiet) {
        return quiet ? DownloadProgress.none() : new ProgressBar(System.err, isTerminal(), System::nanoTime);
    }

    /**
     * Before JDK 22 {@code System.console()} is null unless both ends are a terminal; from 22 on it always exists and
     * {@code isTerminal()} says. That method is looked up by reflection because the code targets Java 21.
     */
    static boolean isTerminal() {
        Console c = System.console();
        if (c == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void begin(String name, long offset, long size) {
        this.file = name;
        this.total = size;
        this.startOffset = offset;
        this.done = offset;
        this.startNanos = nanoClock.getAsLong();
        this.lastPrintNanos = startNanos - REDRAW_NANOS;
        this.lastTenth = size > 0 ? offset * 10 / size : -1;
    }

    @Override
    public void advance(long bytes) {
        this.done = bytes;
        long now = nanoClock.getAsLong();
        if (interactive) {
            if (now - lastPrintNanos >= REDRAW_NANOS) {
                redraw(now);
            }
        } else if (total > 0) {
            long tenth = done * 10 / total;
            if (tenth > lastTenth) {
                lastTenth = tenth;
                printLine(now);
            }
        } else if (now - lastPrintNanos >= PLAIN_UNKNOWN_SIZE_NANOS) {
            printLine(now);
        }
    }

    @Override
    public void end(boolean complete) {
        long now = nanoClock.getAsLong();
        if (interactive) {
            redraw(now);
            out.println(complete ? "" : "  (interrupted)");
        } else if (!complete || total <= 0 || lastTenth < 10) {
            out.println(line(file, done, total, rate(now)) + (complete ? "" : "  (interrupted)"));
        }
        out.flush();
    }

    private void redraw(long now) {
        String s = line(file, done, total, rate(now));
        // Pad over the tail of a longer previous line, since \r does not clear it.
        out.print("\r" + s + " ".repeat(Math.max(0, lastWidth - s.length())));
        out.flush();
        lastWidth = s.length();
        lastPrintNanos = now;
    }

    private void printLine(long now) {
        out.println(line(file, done, total, rate(now)));
        out.flush();
        lastPrintNanos = now;
    }

    /** Bytes per second since this transfer began; 0 before any time has passed. */
    private double rate(long now) {
        long elapsed = now - startNanos;
        return elapsed <= 0 ? 0 : (done - startOffset) * 1e9 / elapsed;
    }

    /** One progress line; total -1 when unknown. Pure, so tests can check the format. */
    static String line(String file, long done, long total, double bytesPerSecond) {
        String speed = bytesPerSecond > 0 ? String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1e6) : "-- MB/s";
        if (total <= 0) {
            return String.format(Locale.ROOT, "%s  %.1f MB  %s", file, done / 1e6, speed);
        }
        // Fraction done, clamped so that a server that sends too much cannot draw past the bar.
        double f = Math.min(1.0, Math.max(0.0, (double) done / total));
        int filled = (int) Math.round(f * WIDTH);
        String bar = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
        String eta = bytesPerSecond > 0 ? duration((long) ((total - Math.min(done, total)) / bytesPerSecond)) : "--:--";
        return String.format(Locale.ROOT, "%s %s %5.1f%%  %.1f/%.1f MB  %s  ETA %s", file, bar, f * 100, done / 1e6,
                total / 1e6, speed, eta);
    }

    static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
