package org.clinigate.eval.suite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Suites shipped in this module's resources under {@code /suites/}, such as the project's red-team suite {@code
 * redteam.v1.jsonl}. {@code --suite redteam.v1} names one when no such file exists.
 */
public final class BundledSuites {

    private BundledSuites() {
    }

    /**
     * {@code name} as a path when it exists (or is clearly a path); otherwise the bundled suite of that name (with or
     * without {@code .jsonl}) copied into {@code workDir}, where its file name is the suite name a run records.
     */
    public static Path resolve(String name, Path workDir) {
        Path p = Path.of(name);
        if (Files.exists(p) || name.contains("/") || name.contains("\\")) {
            return p;
        }
        String file = name.endsWith(".jsonl") ? name : name + ".jsonl";
        try (InputStream in = BundledSuites.class.getResourceAsStream("/suites/" + file)) {
            if (in == null) {
                return p;
            }
            Files.createDirectories(workDir);
            Path out = workDir.resolve(file);
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1007, "cannot copy the bundled suite " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
