package org.clinigate.inference.models;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * One try at moving the rest of a file into its partial: asks for the bytes from the partial's length on, reads the
 * status, and streams. Problems worth another try are thrown as {@link Retry}; those that need a fresh start after
 * the partial was dropped as {@link Restart}; those a retry cannot fix as {@link ClinigateException}.
 */
final class Transfer {

    /** A failure that a later try, resuming, may get past. Its message is ours and names no URL. */
    static final class Retry extends IOException {
        private static final long serialVersionUID = 1L;

        Retry(String message) {
            super(message);
        }
    }

    /** The partial was dropped; start again from byte 0 at once. */
    static final class Restart extends Exception {
        private static final long serialVersionUID = 1L;

        Restart(String message) {
            super(message);
        }
    }

    private final HubClient hub;
    private final PullSettings settings;
    private final Job job;
    private final DownloadProgress progress;
    private final Consumer<String> notices;
    private final ScheduledExecutorService timer;

    Transfer(HubClient hub, PullSettings settings, Job job, DownloadProgress progress, Consumer<String> notices,
            ScheduledExecutorService timer) {
        this.hub = hub;
        this.settings = settings;
        this.job = job;
        this.progress = progress;
        this.notices = notices;
        this.timer = timer;
    }

    /** Returns when the partial holds the whole file (its digest not yet checked). */
    void run() throws IOException, InterruptedException, Restart {
        PartialFile partial = job.partial;
        long offset = partial.length();
        HubClient.Opened o = hub.open(job.spec, offset);
        try (InputStream body = o.body()) {
            learnExpected(o.linkedSha256());
            long total = total(o, offset);
            if (total == COMPLETE) {
                return;
            }
            job.size = total;
            partial.recordSource(job.source());
            if (total >= 0) {
                job.ensureSpace.accept(total - partial.length());
            }
            stream(body, total);
        }
    }

    private static final long COMPLETE = -2;

    /** The file's full size, -1 if unknown, or COMPLETE when the server says the partial already holds it all. */
    private long total(HubClient.Opened o, long offset) throws Retry, Restart {
        ModelSpec spec = job.spec;
        int status = o.status();
        long total;
        switch (status) {
            case 200 -> {
                if (offset > 0) {
                    notices.accept("the server ignored the range request; downloading " + spec.file() + " again");
                    job.partial.reset();
                }
                total = o.contentLength();
            }
            case 206 -> {
                long[] range = o.contentRange();
                if (range[0] != offset) {
                    job.partial.reset();
                    throw new Restart("the server answered another range than asked for");
                }
                total = range[2];
            }
            case 416 -> {
                long size = o.contentRange()[2] >= 0 ? o.contentRange()[2] : o.linkedSize();
                if (size >= 0 && size == job.partial.length()) {
                    return COMPLETE;
                }
                job.partial.reset();
                throw new Restart("the partial download does not fit the file on the server");
            }
            case 401, 403 -> throw new ClinigateException(ErrorCode.CG_1010, accessAdvice(status));
            case 404 -> throw new ClinigateException(ErrorCode.CG_1010, "HTTP 404: no file " + spec.file()
                    + " at revision " + spec.revision() + " of " + spec.repo() + " on " + settings.endpoint()
                    + "; check --repo, --file and --revision");
            case 408, 429, 500, 502, 503, 504 -> throw new Retry("HTTP " + status);
            default -> throw new ClinigateException(ErrorCode.CG_1010, "unexpected HTTP " + status + " for "
                    + spec.file());
        }
        return total >= 0 ? total : o.linkedSize();
    }

    private String accessAdvice(int status) {
        ModelSpec spec = job.spec;
        String page = spec.page(settings.endpoint().toString());
        String token = settings.token() == null
                ? "HF_TOKEN is not set: create a read token at " + ModelSpec.stripSlash(settings.endpoint().toString())
                        + "/settings/tokens and export HF_TOKEN"
                : "HF_TOKEN is set but was refused: check that it is valid and has read access";
        return "HTTP " + status + ": Hugging Face refused access to " + spec.repo() + ". " + token
                + "; and accept the model's terms of use while logged in at " + page;
    }

    /** Takes the digest Hugging Face states, or notices when it disagrees with what was expected. */
    private void learnExpected(String fromHub) throws Restart {
        if (fromHub == null || fromHub.equals(job.expected)) {
            return;
        }
        if (job.expected == null) {
            job.expected = fromHub;
            job.check = PullResult.Check.HUGGING_FACE;
        } else if (job.check == PullResult.Check.GIVEN) {
            notices.accept("warning: Hugging Face states sha256 " + fromHub + " for " + job.spec.file()
                    + ", not the expected " + job.expected + "; the file may have changed upstream (pin --revision)");
        } else {
            job.partial.reset();
            job.expected = fromHub;
            throw new Restart("the file changed on Hugging Face since the partial download began");
        }
    }

    private void stream(InputStream body, long total) throws IOException, Restart {
        PartialFile partial = job.partial;
        progress.begin(job.spec.file(), partial.length(), total);
        boolean complete = false;
        AtomicLong lastRead = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        long timeout = settings.readTimeout().toNanos();
        long period = Math.max(1, Math.min(timeout / 4, 1_000_000_000L));
        // A silent server would block read() for ever: closing the body from the timer wakes it.
        ScheduledFuture<?> watchdog = timer.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastRead.get() > timeout) {
                stalled.set(true);
                closeQuietly(body);
            }
        }, period, period, TimeUnit.NANOSECONDS);
        try {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = body.read(buf)) != -1;) {
                lastRead.set(System.nanoTime());
                if (total >= 0 && partial.length() + n > total) {
                    partial.reset();
                    throw new Restart("the server sent more bytes than it announced");
                }
                partial.append(buf, n);
                progress.advance(partial.length());
            }
            if (total >= 0 && partial.length() < total) {
                throw new Retry("the connection closed at " + mb(partial.length()) + " of " + mb(total));
            }
            complete = true;
        } catch (IOException e) {
            if (stalled.get()) {
                throw new Retry("no data for " + settings.readTimeout().toSeconds() + " s");
            }
            throw e;
        } finally {
            watchdog.cancel(false);
            progress.end(complete);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // The reading thread sees the failure; nothing to add here.
        }
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** What one pull knows: the file, its partial, and the digest it must end with. */
    static final class Job {
        final ModelSpec spec;
        final PartialFile partial;
        final Consumer<Long> ensureSpace;
        String expected;
        PullResult.Check check;
        long size = -1;

        Job(ModelSpec spec, PartialFile partial, Consumer<Long> ensureSpace, String expected,
                PullResult.Check check) {
            this.spec = spec;
            this.partial = partial;
            this.ensureSpace = ensureSpace;
            this.expected = expected;
            this.check = check;
        }

        Properties source() {
            Properties p = new Properties();
            p.setProperty("repo", spec.repo());
            p.setProperty("revision", spec.revision());
            p.setProperty("file", spec.file());
            if (expected != null) {
                p.setProperty("sha256", expected);
            }
            if (size >= 0) {
                p.setProperty("size", Long.toString(size));
            }
            return p;
        }
    }
}
