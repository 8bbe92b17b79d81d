package org.clinigate.eval.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.clinigate.eval.grade.Grade;
import java.io.IOException;

/**
 * One line of {@code items.jsonl}: an item's id and groups, the prompt and output, what was read from the output
 * ({@code extracted}, also inside the grade), what the gateway reported, the grade, and the latency. {@code status} is {@code ok}, {@code grader_error} or {@code error} (no reply; {@code
 * error} holds its CG code). Holds suite and model text, so {@code toString()} prints ids and sizes only.
 */
public record ItemRecord(String id, Map<String, String> groups, String prompt, String output, List<String> rules,
        String inputVerdict, String outputVerdict, String status, String error, Grade grade, long latencyMs) {

    public static final String ERROR = "error";
    private static final ObjectMapper JSON = new ObjectMapper();

    public ItemRecord {
        Objects.requireNonNull(id, "id");
        groups = Map.copyOf(new TreeMap<>(groups));
        prompt = prompt == null ? "" : prompt;
        output = output == null ? "" : output;
        rules = List.copyOf(rules);
        Objects.requireNonNull(status, "status");
        if (!status.equals(ERROR) && grade == null) {
            throw new IllegalArgumentException("a record without error needs a grade");
        }
    }

    /** True when the item needs no rerun: it was answered and graded. */
    public boolean finished() {
        return status.equals(Grade.OK);
    }

    /** The binary grade, or null. */
    public Boolean correct() {
        return grade == null ? null : grade.correct();
    }

    /** The score in [0, 1], or null. */
    public Double score() {
        return grade == null ? null : grade.score();
    }

    /** The JSON line, without its newline. */
    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", id);
        n.set("groups", JSON.valueToTree(groups));
        n.put("status", status);
        if (error != null) {
            n.put("error", error);
        }
        n.put("prompt", prompt);
        n.put("output", output);
        n.put("extracted", grade == null ? null : grade.extracted());
        ObjectNode flags = n.putObject("flags");
        flags.set("rules", JSON.valueToTree(rules));
        flags.put("input", inputVerdict);
        flags.put("output", outputVerdict);
        if (grade != null) {
            ObjectNode g = n.putObject("grade");
            g.put("status", grade.status());
            g.put("extracted", grade.extracted());
            if (grade.correct() != null) {
                g.put("correct", grade.correct());
            }
            if (grade.score() != null) {
                g.put("score", grade.score());
            }
            g.set("parts", JSON.valueToTree(grade.parts()));
            g.set("labels", JSON.valueToTree(grade.labels()));
            if (grade.error() != null) {
                g.put("error", grade.error());
            }
        }
        n.put("latency_ms", latencyMs);
        return n.toString();
    }

    /** Reads a line written by {@link #toJson()}; throws {@link IllegalArgumentException} when it is not one. */
    public static ItemRecord fromJson(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (n == null || !n.isObject() || !n.path("id").isTextual() || !n.path("status").isTextual()) {
            throw new IllegalArgumentException("not an item record");
        }
        Map<String, String> groups = new HashMap<>();
        n.path("groups").properties().forEach(e -> groups.put(e.getKey(), e.getValue().asText()));
        List<String> rules = new ArrayList<>();
        n.path("flags").path("rules").forEach(r -> rules.add(r.asText()));
        Grade grade = null;
        JsonNode g = n.get("grade");
        if (g != null && g.isObject()) {
            Map<String, Double> parts = new HashMap<>();
            g.path("parts").properties().forEach(e -> parts.put(e.getKey(), e.getValue().asDouble()));
            Map<String, String> labels = new HashMap<>();
            g.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            grade = new Grade(g.path("status").asText(Grade.OK), text(g, "extracted"), g.path("correct").isBoolean()
                    ? g.get("correct").asBoolean()
                    : null, g.path("score").isNumber() ? g.get("score").asDouble() : null, parts, labels,
                    text(g,
                            "error"));
        }
        return new ItemRecord(n.get("id").asText(), groups, text(n, "prompt"), text(n, "output"), rules, text(n
                .path("flags"), "input"), text(n.path("flags"), "output"), n.get("status").asText(), text(n, "error"),
                grade, n.path("latency_ms").asLong());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    @Override
    public String toString() {
        return "ItemRecord[" + id + ", " + status + ", prompt=" + prompt.length() + " chars, output=" + output.length()
                + " chars, " + grade + "]";
    }
}
