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

    /**
     * The metrics of several runs for one registry entry (an adapter is usually measured on a benchmark and on the
     * red team): each metric under its suite's format as {@code format.name} ({@code redteam.pass_rate}, {@code
     * medqa.accuracy}), and under its bare name too when no other run has a metric of that name. Thresholds in
     * {@code registry.thresholds} name either form.
     */
    public static Map<String, Double> readAll(java.util.List<Path> paths) {
        Map<String, Double> out = new TreeMap<>();
        Map<String, Integer> bare = new java.util.HashMap<>();
        for (Path p : paths) {
            Map<String, Double> m = read(p);
            String format = format(p);
            for (Map.Entry<String, Double> e : m.entrySet()) {
                if (format != null) {
                    out.put(format + "." + e.getKey(), e.getValue());
                }
                bare.merge(e.getKey(), 1, Integer::sum);
                out.put(e.getKey(), e.getValue());
            }
        }
        bare.forEach((name, runs) -> {
            if (runs > 1) {
                out.remove(name); // ambiguous across runs: only the qualified names count
            }
        });
        return out;
    }

    /** The {@code format} (or else {@code suite}) field of a run's results.json, lower case, or null. */
    static String format(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve("results.json") : path;
        try {
            JsonNode root = Finetune.JSON.readTree(Files.readAllBytes(file));
            String f = root == null ? "" : root.path("format").asText("");
            return f.matches("[A-Za-z0-9_-]{1,40}") ? f.toLowerCase(java.util.Locale.ROOT) : null;
        } catch (IOException e) {
            return null;
        }
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
