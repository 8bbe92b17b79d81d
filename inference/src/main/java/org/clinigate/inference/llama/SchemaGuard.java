package org.clinigate.inference.llama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Admits only JSON schemas that llama.cpp's schema-to-grammar converter handles without throwing. The binding
 * does not catch C++ exceptions from that converter, so a malformed schema, an unresolvable {@code $ref} or a
 * keyword value of the wrong type would abort the JVM. This guard parses the schema in Java, walks it with a
 * whitelist of keywords and value types, and hands native code a re-serialised copy. Stateless and thread safe.
 */
final class SchemaGuard {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DEPTH = 24;
    private static final int MAX_NODES = 2_000;
    private static final int MAX_BOUND = 100_000;
    private static final Set<String> TYPES = Set.of("object", "array", "string", "number", "integer", "boolean",
            "null");
    private static final Set<String> IGNORED = Set.of("title", "description", "$schema", "$id", "$comment", "default",
            "examples");
    private static final Set<String> STRUCTURAL = Set.of("type", "$ref", "anyOf", "oneOf", "enum", "const",
            "properties");

    private final JsonNode root;
    private int nodes;

    private SchemaGuard(JsonNode root) {
        this.root = root;
    }

    /**
     * Checks a schema and returns it re-serialised for native code.
     *
     * @throws ClinigateException {@link ErrorCode#CG_2001} naming the offending keyword (never a value)
     */
    static String check(String schemaJson) {
        JsonNode root;
        try {
            root = JSON.readTree(schemaJson);
        } catch (JsonProcessingException e) {
            // The parser's message quotes the input, so it is dropped.
            throw invalid("is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw invalid("must be a JSON object");
        }
        new SchemaGuard(root).schema(root, 0);
        return root.toString();
    }

    private void schema(JsonNode node, int depth) {
        if (!node.isObject()) {
            throw invalid("has a sub-schema that is not an object");
        }
        if (depth > MAX_DEPTH || ++nodes > MAX_NODES) {
            throw invalid("is nested deeper than " + MAX_DEPTH + " or has more than " + MAX_NODES + " schemas");
        }
        if (!node.isEmpty() && STRUCTURAL.stream().noneMatch(node::has)) {
            throw invalid("has a sub-schema without type, enum, const, $ref, anyOf, oneOf or properties");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            keyword(field.getKey(), field.getValue(), node, depth);
        }
    }

    private void keyword(String key, JsonNode value, JsonNode owner, int depth) {
        switch (key) {
            case "type" -> type(value);
            case "properties", "$defs", "definitions" -> schemaMap(key, value, depth);
            case "required" -> strings(key, value);
            case "additionalProperties" -> {
                if (!value.isBoolean()) {
                    schema(value, depth + 1);
                }
            }
            case "items" -> schema(value, depth + 1);
            case "anyOf", "oneOf" -> schemaList(key, value, depth);
            case "minItems", "maxItems", "minLength", "maxLength" -> bound(key, value);
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> number(key, value, owner);
            case "enum" -> {
                if (!value.isArray() || value.isEmpty()) {
                    throw invalid("enum must be a non-empty array");
                }
            }
            case "const" -> {
                // Any JSON value is a valid constant.
            }
            case "format" -> {
                if (!value.isTextual()) {
                    throw invalid("format must be a string");
                }
            }
            case "$ref" -> ref(value);
            default -> {
                if (!IGNORED.contains(key)) {
                    throw invalid("uses keyword '" + safe(key) + "', which the in-process backend does not support");
                }
            }
        }
    }

    private static void type(JsonNode value) {
        if (value.isTextual() && TYPES.contains(value.asText())) {
            return;
        }
        if (value.isArray() && !value.isEmpty()) {
            for (JsonNode t : value) {
                if (!t.isTextual() || !TYPES.contains(t.asText())) {
                    throw invalid("type must name JSON types");
                }
            }
            return;
        }
        throw invalid("type must be a JSON type name or a non-empty array of them");
    }

    private void schemaMap(String key, JsonNode value, int depth) {
        if (!value.isObject()) {
            throw invalid(key + " must be an object");
        }
        for (JsonNode sub : value) {
            schema(sub, depth + 1);
        }
    }

    private void schemaList(String key, JsonNode value, int depth) {
        if (!value.isArray() || value.isEmpty()) {
            throw invalid(key + " must be a non-empty array");
        }
        for (JsonNode sub : value) {
            schema(sub, depth + 1);
        }
    }

    private static void strings(String key, JsonNode value) {
        if (!value.isArray()) {
            throw invalid(key + " must be an array of strings");
        }
        for (JsonNode s : value) {
            if (!s.isTextual()) {
                throw invalid(key + " must be an array of strings");
            }
        }
    }

    private static void bound(String key, JsonNode value) {
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > MAX_BOUND) {
            throw invalid(key + " must be an integer in [0, " + MAX_BOUND + "]");
        }
    }

    private static void number(String key, JsonNode value, JsonNode owner) {
        if (!value.isNumber()) {
            throw invalid(key + " must be a number");
        }
        boolean integerType = owner.path("type").isTextual() && owner.path("type").asText().equals("integer");
        if (integerType && !(value.isIntegralNumber() && value.canConvertToLong())) {
            throw invalid(key + " of an integer must be a 64-bit integer");
        }
    }

    private void ref(JsonNode value) {
        if (!value.isTextual() || !value.asText().startsWith("#/")) {
            throw invalid("$ref must be a local reference starting with #/");
        }
        JsonNode target;
        try {
            target = root.at(value.asText().substring(1));
        } catch (IllegalArgumentException e) {
            throw invalid("has a malformed $ref");
        }
        if (!target.isObject()) {
            throw invalid("has a $ref that does not resolve to a schema in the document");
        }
    }

    /** Keyword names come from the client; print them only when they look like keywords. */
    private static String safe(String key) {
        return key.matches("[$A-Za-z]{1,32}") ? key : "(" + key.length() + " chars)";
    }

    private static ClinigateException invalid(String detail) {
        return new ClinigateException(ErrorCode.CG_2001, "response_format json_schema " + detail);
    }
}
