package org.clinigate.eval.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Typed reads of a suite record's fields that fail with {@link FieldException} naming the field. */
final class Fields {

    private Fields() {
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new FieldException(field, "is missing");
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw new FieldException(field, "must be a string");
        }
        String s = v.asText();
        if (s.isBlank()) {
            throw new FieldException(field, "is empty");
        }
        return s;
    }

    static String optionalText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw new FieldException(field, "must be a string");
        }
        return v.asText().isBlank() ? null : v.asText();
    }

    static JsonNode array(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new FieldException(field, v == null ? "is missing" : "must be a non-empty array");
        }
        return v;
    }

    static JsonNode object(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw new FieldException(field, v == null ? "is missing" : "must be an object");
        }
        return v;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : array) {
            if (!e.isTextual()) {
                throw new FieldException(field, "must hold strings only");
            }
            out.add(e.asText());
        }
        return out;
    }
}
