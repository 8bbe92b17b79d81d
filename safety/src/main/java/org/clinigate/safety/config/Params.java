package org.clinigate.safety.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * A YAML mapping read field by field with validation. Every accessor records the field as known; {@link #done()}
 * then fails on any field nobody asked for, so a misspelt key is an error rather than silently ignored. Errors are
 * {@link ClinigateException}s of the code given at construction whose message names the place (file and entry) and
 * the field path, never a value. Not thread safe; used while loading only.
 */
public final class Params {

    private final ObjectNode node;
    private final ErrorCode code;
    private final String place;
    private final String path;
    private final Set<String> known = new LinkedHashSet<>();

    /**
     * @param node the mapping
     * @param code the error code of failures
     * @param place where the mapping is, for messages, such as {@code rule set 'x', rule 'y'}
     * @param path the field path of the mapping itself, empty at the top
     */
    public Params(ObjectNode node, ErrorCode code, String place, String path) {
        this.node = node;
        this.code = code;
        this.place = place;
        this.path = path;
    }

    /** Wraps {@code n}, failing when it is not a mapping. */
    public static Params of(JsonNode n, ErrorCode code, String place, String path) {
        if (n == null || !n.isObject()) {
            throw new ClinigateException(code, place + ", field '" + (path.isEmpty() ? "(top)" : path)
                    + "': expected a mapping");
        }
        return new Params((ObjectNode) n, code, place, path);
    }

    /** The same mapping, reported under another place (once an entry's id is known). */
    public Params at(String newPlace) {
        Params p = new Params(node, code, newPlace, path);
        p.known.addAll(known);
        return p;
    }

    public String place() {
        return place;
    }

    private String field(String f) {
        return path.isEmpty() ? f : path + "." + f;
    }

    /** A failure at field {@code f} of this mapping. */
    public ClinigateException fail(String f, String reason) {
        return new ClinigateException(code, place + ", field '" + field(f) + "': " + reason);
    }

    public boolean has(String f) {
        known.add(f);
        JsonNode v = node.get(f);
        return v != null && !v.isNull();
    }

    private JsonNode get(String f) {
        known.add(f);
        JsonNode v = node.get(f);
        return v == null || v.isNull() ? null : v;
    }

    /** A required non-blank string. Numbers and booleans written without quotes are taken as their text. */
    public String text(String f) {
        JsonNode v = get(f);
        if (v == null) {
            throw fail(f, "is required");
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw fail(f, "must be a non-empty string");
        }
        return v.asText().strip();
    }

    public String text(String f, String fallback) {
        return has(f) ? text(f) : fallback;
    }

    public Optional<String> optText(String f) {
        return has(f) ? Optional.of(text(f)) : Optional.empty();
    }

    /** A required non-empty list of strings; a single string counts as a list of one. */
    public List<String> texts(String f) {
        JsonNode v = get(f);
        if (v == null) {
            throw fail(f, "is required");
        }
        List<String> out = new ArrayList<>();
        if (v.isValueNode()) {
            out.add(v.asText());
        } else if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                JsonNode e = v.get(i);
                if (e == null || !e.isValueNode() || e.isNull() || e.asText().isBlank()) {
                    throw fail(f + "[" + i + "]", "must be a non-empty string");
                }
                out.add(e.asText());
            }
        } else {
            throw fail(f, "must be a string or a list of strings");
        }
        if (out.isEmpty()) {
            throw fail(f, "must not be empty");
        }
        return out;
    }

    public List<String> texts(String f, List<String> fallback) {
        return has(f) ? texts(f) : fallback;
    }

    /** A number, or {@code fallback} when absent; must be finite and at least {@code min}. */
    public double number(String f, double fallback, double min) {
        JsonNode v = get(f);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw fail(f, "must be a number");
        }
        double d = v.asDouble();
        if (!Double.isFinite(d) || d < min) {
            throw fail(f, "must be a number of at least " + min);
        }
        return d;
    }

    /** A positive number or null when absent. */
    public Double positive(String f) {
        if (!has(f)) {
            return null;
        }
        double d = number(f, 0, 0);
        if (d <= 0) {
            throw fail(f, "must be greater than 0");
        }
        return d;
    }

    public boolean bool(String f, boolean fallback) {
        JsonNode v = get(f);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw fail(f, "must be true or false");
        }
        return v.asBoolean();
    }

    /** A required nested mapping. */
    public Params object(String f) {
        JsonNode v = get(f);
        if (v == null) {
            throw fail(f, "is required");
        }
        return of(v, code, place, field(f));
    }

    public Optional<Params> optObject(String f) {
        return has(f) ? Optional.of(object(f)) : Optional.empty();
    }

    /** A list of mappings; required and non-empty when {@code required}, else empty when absent. */
    public List<Params> objects(String f, boolean required) {
        JsonNode v = get(f);
        if (v == null) {
            if (required) {
                throw fail(f, "is required");
            }
            return List.of();
        }
        if (!v.isArray()) {
            throw fail(f, "must be a list");
        }
        if (required && v.isEmpty()) {
            throw fail(f, "must not be empty");
        }
        List<Params> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(of(v.get(i), code, place, field(f) + "[" + i + "]"));
        }
        return out;
    }

    /** A mapping of names to mappings, in file order; empty when absent. */
    public Map<String, Params> objectMap(String f) {
        JsonNode v = get(f);
        Map<String, Params> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!v.isObject()) {
            throw fail(f, "must be a mapping");
        }
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), of(e.getValue(), code, place, field(f) + "." + e.getKey()));
        }
        return out;
    }

    /** A mapping of names to strings, in file order; empty when absent. */
    public Map<String, String> textMap(String f) {
        JsonNode v = get(f);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!v.isObject()) {
            throw fail(f, "must be a mapping of names to strings");
        }
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull() || e.getValue().asText().isBlank()) {
                throw fail(f + "." + e.getKey(), "must be a non-empty string");
            }
            out.put(e.getKey(), e.getValue().asText().strip());
        }
        return out;
    }

    /** A mapping of names to lists of strings, in file order; empty when absent. */
    public Map<String, List<String>> textListMap(String f) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        JsonNode v = get(f);
        if (v == null) {
            return out;
        }
        if (!v.isObject()) {
            throw fail(f, "must be a mapping of names to lists");
        }
        Params inner = of(v, code, place, field(f));
        Iterator<String> names = v.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            out.put(n, inner.texts(n));
        }
        return out;
    }

    /**
     * This mapping read whole, as names to lists of strings: a single string is a list of one, and {@code []} or
     * {@code null} an empty list. Every field counts as known.
     */
    public Map<String, List<String>> asTextLists() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            JsonNode v = get(n);
            if (v == null || (v.isArray() && v.isEmpty())) {
                out.put(n, List.of());
            } else {
                out.put(n, texts(n));
            }
        }
        return out;
    }

    /**
     * Compiles the patterns at {@code f} into one alternation. Patterns are matched against folded text (lower case,
     * see {@code org.clinigate.safety.text.Folding}), so they must be written in lower case; escapes such as
     * {@code \\S} are allowed. A syntax error names the list index and the character position, not the pattern.
     */
    public Pattern regex(String f) {
        return compile(f, texts(f));
    }

    /** Compiles {@code patterns}, reporting errors at field {@code f}. */
    public Pattern compile(String f, List<String> patterns) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < patterns.size(); i++) {
            // Texts are folded to lower case before matching, so an upper-case letter could never match.
            String unescaped = patterns.get(i).replaceAll("\\\\p\\{[^}]*}", "").replaceAll("\\\\.", "");
            if (!unescaped.equals(unescaped.toLowerCase(java.util.Locale.ROOT))) {
                throw fail(f + "[" + i + "]", "write patterns in lower case: texts are folded to lower case first");
            }
            try {
                Pattern.compile(patterns.get(i));
            } catch (PatternSyntaxException e) {
                throw fail(f + "[" + i + "]", "invalid regular expression near index " + e.getIndex() + ": "
                        + e.getDescription());
            }
            if (i > 0) {
                sb.append('|');
            }
            sb.append("(?:").append(patterns.get(i)).append(')');
        }
        return Pattern.compile(sb.toString());
    }

    /** Fails on any field of this mapping that no accessor asked for. */
    public void done() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!known.contains(n)) {
                throw fail(safe(n), "unknown field; known here: " + known);
            }
        }
    }

    /** A field name is shown only as far as it is plainly a name. */
    private static String safe(String n) {
        String s = n.length() > 40 ? n.substring(0, 40) : n;
        return s.matches("[A-Za-z0-9_.-]*") ? s : "(a field name of " + n.length() + " chars)";
    }
}
