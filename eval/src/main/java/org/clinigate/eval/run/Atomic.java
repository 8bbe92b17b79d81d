package org.clinigate.eval.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/** Writes a whole file through a temporary sibling and an atomic move, so readers never see half of it. */
public final class Atomic {

    private Atomic() {
    }

    public static void write(Path file, String text) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1007, "cannot write " + file.getFileName() + " (" + e
                    .getClass().getSimpleName() + ")");
        }
    }
}
