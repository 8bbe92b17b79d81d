package org.clinigate.safety.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.rails.RailContext;
import org.clinigate.core.rails.RailSource;

/** Parses and validates one JSONL line of {@code clinigate check} input. Errors name the line and field only. */
final class RecordParser {

    private static final Set<String> FIELDS = Set.of("id", "task", "text", "context");
    private static final Set<String> CONTEXT = Set.of("patientAgeYears", "patientWeightKg", "sources", "pseudonyms");
    private static final Set<String> SOURCE = Set.of("id", "text");

    private final ObjectMapper mapper = new ObjectMapper();

    CheckRecord parse(String json, long line) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input, so only the position is reported.
            long col = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            throw error(line, "malformed JSON near column " + col);
        }
        if (node == null || !node.isObject()) {
            throw error(line, "expected a JSON object");
        }
        only(node, FIELDS, line, "");
        JsonNode id = node.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
            throw error(line, "'id' must be a string or an integer");
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            throw error(line, "'text' must be a string");
        }
        JsonNode task = node.get("task");
        if (task != null && !task.isNull() && !task.isTextual()) {
            throw error(line, "'task' must be a string");
        }
        RailContext ctx = context(node.get("context"), task == null || task.isNull() ? null : task.asText(), line);
        return new CheckRecord(id.asText(), id.isIntegralNumber() ? id.asLong() : null, text.asText(), ctx);
    }

    private static RailContext context(JsonNode c, String task, long line) {
        if (c == null || c.isNull()) {
            return RailContext.of(task);
        }
        if (!c.isObject()) {
            throw error(line, "'context' must be an object");
        }
        only(c, CONTEXT, line, "context.");
        Double age = number(c.get("patientAgeYears"), line, "context.patientAgeYears");
        Double weight = number(c.get("patientWeightKg"), line, "context.patientWeightKg");
        List<RailSource> sources = sources(c.get("sources"), line);
        Set<String> pseudonyms = null;
        JsonNode p = c.get("pseudonyms");
        if (p != null && !p.isNull()) {
            if (!p.isArray()) {
                throw error(line, "'context.pseudonyms' must be an array of strings");
            }
            pseudonyms = new LinkedHashSet<>();
            for (JsonNode e : p) {
                if (!e.isTextual()) {
                    throw error(line, "'context.pseudonyms' must be an array of strings");
                }
                pseudonyms.add(e.asText());
            }
        }
        try {
            return new RailContext(task, age, weight, sources, pseudonyms);
        } catch (IllegalArgumentException e) {
            throw error(line, "context: " + e.getMessage());
        }
    }

    private static List<RailSource> sources(JsonNode s, long line) {
        List<RailSource> out = new ArrayList<>();
        if (s == null || s.isNull()) {
            return out;
        }
        if (!s.isArray()) {
            throw error(line, "'context.sources' must be an array");
        }
        int i = 0;
        for (JsonNode e : s) {
            String where = "context.sources[" + i++ + "]";
            if (!e.isObject()) {
                throw error(line, "'" + where + "' must be an object");
            }
            only(e, SOURCE, line, where + ".");
            JsonNode id = e.get("id");
            JsonNode text = e.get("text");
            if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
                throw error(line, "'" + where + ".id' must be a string or an integer");
            }
            if (text == null || !text.isTextual()) {
                throw error(line, "'" + where + ".text' must be a string");
            }
            out.add(new RailSource(id.asText(), text.asText()));
        }
        return out;
    }

    private static Double number(JsonNode n, long line, String field) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw error(line, "'" + field + "' must be a number");
        }
        return n.asDouble();
    }

    private static void only(JsonNode node, Set<String> allowed, long line, String prefix) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!allowed.contains(f)) {
                throw error(line, "unknown field '" + prefix + safe(f) + "'; allowed: " + new java.util.TreeSet<>(
                        allowed));
            }
        }
    }

    /** A field name is shown only as far as it is plainly a name. */
    private static String safe(String f) {
        String s = f.length() > 40 ? f.substring(0, 40) : f;
        return s.matches("[A-Za-z0-9_-]*") ? s : "(a name of " + f.length() + " chars)";
    }

    private static ClinigateException error(long line, String what) {
        return new ClinigateException(ErrorCode.CG_1005, "line " + line + ": " + what);
    }
}
