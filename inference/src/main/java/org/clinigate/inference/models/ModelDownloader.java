package org.clinigate.inference.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Downloads GGUF files from Hugging Face into the models directory: into {@code <file>.partial}, resuming with
 * {@code Range} after a dropped connection or a new run, hashing while it writes, then checking the sha256 and
 * renaming atomically into place. The token goes only to the endpoint's own host, never to a CDN it redirects to,
 * and appears in no message.
 *
 * <p>Fails with {@link ErrorCode#CG_1010} when Hugging Face refuses (401/403: token or terms; 404: no such file),
 * {@link ErrorCode#CG_1011} when the digest is wrong (the partial is removed), {@link ErrorCode#CG_1012} when the
 * network fails after all retries (the partial is kept; a rerun resumes), and {@link ErrorCode#CG_1007} on disk
 * errors, including too little free space. Pulls of different files may run in parallel; a second pull of the same
 * file, here or in another process, fails at once with CG-1007.
 */
public final class ModelDownloader implements AutoCloseable {

    private static final int MAX_RESTARTS = 3;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final PullSettings settings;
    private final DownloadProgress progress;
    private final Consumer<String> notices;
    private final ToLongFunction<Path> usableSpace;
    private final HubClient hub;
    private final ScheduledExecutorService timer;

    /**
     * @param settings endpoint, directory, token, time-outs and retries
     * @param progress hears the transfer's progress, for example a {@link ProgressBar}
     * @param notices hears one-line warnings and retry notes, meant for a person; they carry no token
     */
    public ModelDownloader(PullSettings settings, DownloadProgress progress, Consumer<String> notices) {
        this(settings, progress, notices, ModelDownloader::usableSpace);
    }

    ModelDownloader(PullSettings settings, DownloadProgress progress, Consumer<String> notices,
            ToLongFunction<Path> usableSpace) {
        this.settings = settings;
        this.progress = progress;
        this.notices = notices;
        this.usableSpace = usableSpace;
        this.hub = new HubClient(settings);
        this.timer = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("model-pull-watchdog").unstarted(r));
    }

    /** Makes sure {@code spec}'s file is in the models directory with a checked digest; downloads what is missing. */
    public PullResult pull(ModelSpec spec) {
        Path dir = settings.modelsDir();
        Path target = dir.resolve(spec.file());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw PartialFile.diskError("cannot create the models directory " + dir, e);
        }
        Optional<PullResult> present = alreadyPresent(spec, target);
        if (present.isPresent()) {
            return present.get();
        }
        boolean adopted = adoptExisting(target);
        Checksums.deleteAll(target);
        try (PartialFile partial = PartialFile.open(target)) {
            Transfer.Job job = new Transfer.Job(spec, partial, needed -> ensureSpace(dir, spec, needed),
                    spec.sha256(), spec.sha256() == null ? PullResult.Check.NONE : PullResult.Check.GIVEN);
            resumeOrDiscard(job, adopted);
            try {
                transferWithRetries(job);
            } catch (ClinigateException e) {
                if (partial.length() == 0) {
                    // Nothing to resume: leave no empty partial behind to show up in `model list`.
                    partial.delete();
                }
                throw e;
            }
            return finish(job, target);
        }
    }

    private Optional<PullResult> alreadyPresent(ModelSpec spec, Path target) {
        Optional<String> recorded = Checksums.read(Checksums.verified(target), target);
        if (!Files.isRegularFile(target) || recorded.isEmpty()
                || (spec.sha256() != null && !spec.sha256().equals(recorded.get()))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PullResult(target, Files.size(target), recorded.get(), PullResult.Check.RECORDED,
                    true));
        } catch (IOException e) {
            throw PartialFile.diskError("cannot read the size of " + target, e);
        }
    }

    /**
     * A file without a matching verified record becomes the partial: if it is whole, the server answers 416 and its
     * digest is checked; if it is cut short, the download resumes; if it is wrong, it fails the check.
     */
    private boolean adoptExisting(Path target) {
        if (!Files.isRegularFile(target)) {
            return false;
        }
        notices.accept(target + " has no matching verified sha256; checking it against " + settings.endpoint());
        try {
            Files.move(target, PartialFile.partialOf(target), StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw PartialFile.diskError("cannot rename " + target + " for checking", e);
        }
    }

    /** Resumes only a partial whose recorded source is this repository, revision, file and digest. */
    private void resumeOrDiscard(Transfer.Job job, boolean adopted) {
        PartialFile partial = job.partial;
        if (adopted) {
            partial.recordSource(job.source());
            return;
        }
        Properties p = partial.source();
        ModelSpec spec = job.spec;
        boolean same = spec.repo().equals(p.getProperty("repo")) && spec.revision().equals(p.getProperty("revision"))
                && spec.file().equals(p.getProperty("file"))
                && (job.expected == null || p.getProperty("sha256") == null
                        || job.expected.equals(p.getProperty("sha256")));
        if (partial.length() > 0 && !same) {
            notices.accept("discarding a partial " + spec.file() + " that came from another source");
            partial.reset();
        } else if (partial.length() > 0) {
            notices.accept("resuming " + spec.file() + " at " + Transfer.mb(partial.length()));
            if (job.expected == null && p.getProperty("sha256") != null) {
                job.expected = p.getProperty("sha256");
                job.check = PullResult.Check.HUGGING_FACE;
            }
        }
    }

    private void transferWithRetries(Transfer.Job job) {
        Transfer transfer = new Transfer(hub, settings, job, progress, notices, timer);
        int restarts = 0;
        for (int attempt = 1;;) {
            try {
                transfer.run();
                return;
            } catch (Transfer.Restart r) {
                if (++restarts > MAX_RESTARTS) {
                    throw new ClinigateException(ErrorCode.CG_1012, r.getMessage() + ", " + restarts + " times");
                }
                notices.accept(r.getMessage() + "; starting " + job.spec.file() + " from the beginning");
            } catch (IOException e) {
                String reason = e instanceof Transfer.Retry ? e.getMessage() : e.getClass().getSimpleName();
                if (attempt >= settings.attempts()) {
                    throw new ClinigateException(ErrorCode.CG_1012, "downloading " + job.spec.file() + " failed after "
                            + attempt + " tries (" + reason + "); run the command again"
                            + (job.partial.length() > 0 ? " to resume from " + Transfer.mb(job.partial.length()) : ""),
                            e);
                }
                Duration wait = backoff(attempt);
                notices.accept(reason + "; try " + (attempt + 1) + " of " + settings.attempts() + " in "
                        + wait.toMillis() + " ms" + resumeNote(job.partial.length()));
                attempt++;
                sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClinigateException(ErrorCode.CG_1012, "downloading " + job.spec.file() + " was interrupted");
            }
        }
    }

    private static String resumeNote(long bytes) {
        return bytes > 0 ? ", resuming at " + Transfer.mb(bytes) : "";
    }

    private Duration backoff(int failedAttempts) {
        Duration d = settings.backoff().multipliedBy(1L << Math.min(failedAttempts - 1, 10));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClinigateException(ErrorCode.CG_1012, "interrupted while waiting to retry");
        }
    }

    private PullResult finish(Transfer.Job job, Path target) {
        PartialFile partial = job.partial;
        String actual = partial.sha256();
        if (job.expected != null && !job.expected.equals(actual)) {
            partial.delete();
            throw new ClinigateException(ErrorCode.CG_1011, "sha256 of " + job.spec.file() + " is " + actual + ", not "
                    + job.expected + " as " + (job.check == PullResult.Check.GIVEN ? "expected" : "Hugging Face states")
                    + "; the download was removed. Run the command again; if it fails again, check --sha256 and "
                    + "--revision");
        }
        long size = partial.length();
        partial.moveTo(target);
        if (job.expected == null) {
            Checksums.write(Checksums.unverified(target), target, actual);
            notices.accept("warning: no sha256 was known for " + job.spec.file() + " (no --sha256, none in the "
                    + "catalogue, none from the server); computed " + actual + " and recorded it in "
                    + Checksums.unverified(target).getFileName() + ". Compare it with the model page before use.");
        } else {
            Checksums.write(Checksums.verified(target), target, actual);
        }
        return new PullResult(target, size, actual, job.check, false);
    }

    private void ensureSpace(Path dir, ModelSpec spec, long needed) {
        long free = usableSpace.applyAsLong(dir);
        if (needed > 0 && free >= 0 && free < needed) {
            throw new ClinigateException(ErrorCode.CG_1007, "not enough disk space in " + dir + " for "
                    + spec.file() + ": " + Transfer.mb(needed) + " still to download, " + Transfer.mb(free) + " free");
        }
    }

    private static long usableSpace(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        hub.close();
    }
}
