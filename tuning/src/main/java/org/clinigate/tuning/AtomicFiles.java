package org.clinigate.tuning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/** Writes a file whole or not at all: a temporary sibling, then an atomic move into place. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    static void write(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path file, byte[] bytes) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // The write already failed; that is what the caller hears about.
            }
            throw new ClinigateException(ErrorCode.CG_1007, "cannot write " + file.getFileName());
        }
    }
}
