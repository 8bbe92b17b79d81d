package org.clinigate.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Reads the metrics of an eval run for the registry: {@code results.json} (or a directory holding one) whose
 * top-level {@code "metrics"} object maps metric names to numbers. Nested objects and lists in it (breakdowns) are
 * skipped; anything else fails with {@code CG-7106} naming
 * the file and the metric.
 */
public final class EvalResults {

    private EvalResults() {
    }

    /** The metrics of {@code path}: a results.json file or a run directory that holds one. */
    public static Map<String, Double> read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve("results.json") : path;
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = Finetune.JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_7106, name + " cannot be read as JSON");
        }
        JsonNode metrics = root == null ? null : root.get("metrics");
        if (metrics == null || !metrics.isObject()) {
            throw new ClinigateException(ErrorCode.CG_7106, name + " has no top-level \"metrics\" object");
        }
        Map<String, Double> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isContainerNode()) {
                continue; // a breakdown (per specialty, per category), not a metric a threshold can name
            }
            if (!e.getValue().isNumber() || !Double.isFinite(e.getValue().asDouble())) {
                throw new ClinigateException(ErrorCode.CG_7106, name + ": metric " + safe(e.getKey())
                        + " is not a finite number");
            }
            out.put(e.getKey(), e.getValue().asDouble());
        }
        return out;
    }

    private static String safe(String key) {
        return key.length() > 128 ? key.substring(0, 128) : key.replaceAll("\\p{Cntrl}", "?");
    }
}
