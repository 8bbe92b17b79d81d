package org.clinigate.deid.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Writes an output file all or nothing: the bytes go to a temporary file beside the target, which is
 * synced and renamed over the target only when the writer succeeds. A failed or killed run leaves no
 * partial output (at most a hidden temporary file, which the next run of the same target replaces).
 */
public final class SafeOutput {

    /** The work that writes the output. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private SafeOutput() {
    }

    public static void write(Path target, Body body) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + ".partial");
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                body.write(out);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new ClinigateException(ErrorCode.CG_1007,
                    "cannot write the output file (" + e.getClass().getSimpleName() + ")", e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Nothing more can be done; the file is hidden and replaced by the next run.
        }
    }
}
