package org.clinigate.eval.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Collections;

/**
 * {@code results.json}: the contract that other tools (the adapter registry's approval gate) read. Top level:
 * {@code suite}, {@code model}, {@code mode}, {@code format}, {@code items} (a count), {@code metrics} (a flat map of
 * metric name to number, such as {@code accuracy}, {@code accuracy_ci_low}, {@code pass_rate}) and {@code groups}
 * (group kind, such as {@code specialty}, to group value to a flat map of name to number). Non-finite numbers are
 * left out. See ADR 0017.
 */
public record Results(String suite, String model, String mode, String format, int items, Map<String, Double> metrics,
        Map<String, Map<String, Map<String, Double>>> groups) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Results {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(format, "format");
        metrics = finite(metrics);
        Map<String, Map<String, Map<String, Double>>> g = new LinkedHashMap<>();
        groups.forEach((kind, values) -> {
            Map<String, Map<String, Double>> v = new LinkedHashMap<>();
            values.forEach((name, m) -> v.put(name, finite(m)));
            g.put(kind, Collections.unmodifiableMap(v));
        });
        groups = Collections.unmodifiableMap(g);
    }

    private static Map<String, Double> finite(Map<String, Double> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) {
                out.put(k, v);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** A metric, or NaN when absent. */
    public double metric(String name) {
        return metrics.getOrDefault(name, Double.NaN);
    }

    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("suite", suite).put("model", model).put("mode", mode).put("format", format).put("items", items);
        n.set("metrics", JSON.valueToTree(metrics));
        n.set("groups", JSON.valueToTree(groups));
        return n.toPrettyString();
    }
}
