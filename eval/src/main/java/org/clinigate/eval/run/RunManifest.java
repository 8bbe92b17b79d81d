package org.clinigate.eval.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.eval.suite.SuiteFormat;

/**
 * {@code run.json}: what a run directory measures (suite name and hash, format, model, mode), written when a run
 * starts so that a resume can refuse to mix runs and {@code eval report} can recompute results from the items.
 */
public record RunManifest(String suite, String suiteSha256, SuiteFormat format, String model, String mode) {

    public static final String FILE = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunManifest {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(suiteSha256, "suiteSha256");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(mode, "mode");
    }

    public void write(Path dir) {
        ObjectNode n = JSON.createObjectNode();
        n.put("suite", suite).put("suite_sha256", suiteSha256).put("format", format.wireName()).put("model", model)
                .put("mode", mode);
        Atomic.write(dir.resolve(FILE), n.toPrettyString());
    }

    /** Reads {@code dir/run.json}, or null when absent. */
    public static RunManifest read(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(f.toFile());
            return new RunManifest(n.path("suite").asText(), n.path("suite_sha256").asText(), SuiteFormat.parse(n
                    .path("format").asText()), n.path("model").asText(), n.path("mode").asText());
        } catch (IOException | RuntimeException e) {
            throw new ClinigateException(ErrorCode.CG_7002, f.getFileName() + " cannot be read (" + e.getClass()
                    .getSimpleName() + ")");
        }
    }

    /** Fails with CG-7002 when a resumed run would mix with {@code this} (the existing run). */
    public void checkResumable(RunManifest next) {
        if (!suiteSha256.equals(next.suiteSha256) || format != next.format || !model.equals(next.model) || !mode
                .equals(next.mode)) {
            throw new ClinigateException(ErrorCode.CG_7002, "the run directory holds a run of another suite, model "
                    + "or mode (run.json); resume it with the same --suite, --model and --mode, or use another --out");
        }
    }
}
