package org.clinigate.knowledge.terminology.labs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/** Reads and validates a missing-lab rule file; every error names the rule (or lab) and the field (CG-5102). */
final class RuleFile {

    private static final Pattern LOINC = Pattern.compile("\\d{1,7}-\\d");
    private static final Pattern ICD_PREFIX = Pattern.compile("[A-Z][0-9][0-9A-Z]{0,5}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private RuleFile() {
    }

    /**
     * The file's version and rules.
     *
     * @param version the {@code version} field
     * @param labs the lab groups by id
     * @param rules the rules, in file order
     */
    record Parsed(String version, Map<String, LabGroup> labs, List<LabRule> rules) {
    }

    static Parsed read(InputStream in, String name) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_5102, "rule file " + name + " is not YAML", e);
        }
        if (root == null || !root.isObject()) {
            throw fail(name, "(file)", "root", "is not a mapping");
        }
        String version = text(root, "version", name, "(file)");
        Map<String, LabGroup> labs = labs(root.path("labs"), name);
        JsonNode rules = root.path("rules");
        if (!rules.isArray() || rules.isEmpty()) {
            throw fail(name, "(file)", "rules", "is missing or empty");
        }
        List<LabRule> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode r : rules) {
            LabRule rule = rule(r, labs, name);
            if (!ids.add(rule.id())) {
                throw fail(name, rule.id(), "id", "is used twice");
            }
            out.add(rule);
        }
        return new Parsed(version, labs, List.copyOf(out));
    }

    private static Map<String, LabGroup> labs(JsonNode node, String name) {
        if (!node.isObject() || node.isEmpty()) {
            throw fail(name, "(file)", "labs", "is missing or empty");
        }
        Map<String, LabGroup> labs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String id = e.getKey();
            JsonNode lab = e.getValue();
            Set<String> loinc = new LinkedHashSet<>(strings(lab, "loinc", name, "lab " + id, true));
            for (String code : loinc) {
                if (!LOINC.matcher(code).matches()) {
                    throw fail(name, "lab " + id, "loinc", "has a code that is not a LOINC code");
                }
            }
            Set<String> aliases = new LinkedHashSet<>();
            for (String a : strings(lab, "aliases", name, "lab " + id, false)) {
                aliases.add(a.toLowerCase(Locale.ROOT));
            }
            aliases.add(id);
            labs.put(id, new LabGroup(id, text(lab, "name", name, "lab " + id), loinc, aliases));
        }
        return labs;
    }

    private static LabRule rule(JsonNode r, Map<String, LabGroup> labs, String name) {
        String id = r.path("id").asText("");
        if (!ID.matcher(id).matches()) {
            throw fail(name, id.isEmpty() ? "(unnamed)" : id, "id", "must be lower-case letters, digits and dashes");
        }
        JsonNode when = r.path("when");
        if (!when.isObject()) {
            throw fail(name, id, "when", "is missing");
        }
        List<String> icd = new ArrayList<>();
        for (String p : strings(when, "icd10cm", name, id, false)) {
            String plain = p.replace(".", "").toUpperCase(Locale.ROOT);
            if (!ICD_PREFIX.matcher(plain).matches()) {
                throw fail(name, id, "when.icd10cm", "has a value that is not an ICD-10-CM code or prefix");
            }
            icd.add(plain);
        }
        List<String> snomed = strings(when, "snomed", name, id, false);
        if (!snomed.stream().allMatch(s -> DIGITS.matcher(s).matches())) {
            throw fail(name, id, "when.snomed", "has a value that is not a SNOMED CT concept id");
        }
        List<LabRule.Drug> drugs = new ArrayList<>();
        for (JsonNode d : when.path("drugs")) {
            String rxcui = d.path("rxcui").asText("");
            String drugName = d.path("name").asText("").strip();
            if (!DIGITS.matcher(rxcui).matches() || drugName.isEmpty()) {
                throw fail(name, id, "when.drugs", "needs an rxcui of digits and a name for each drug");
            }
            drugs.add(new LabRule.Drug(rxcui, drugName.toLowerCase(Locale.ROOT)));
        }
        if (icd.isEmpty() && snomed.isEmpty() && drugs.isEmpty()) {
            throw fail(name, id, "when", "names no condition and no drug");
        }
        List<LabGroup> requires = new ArrayList<>();
        for (String lab : strings(r, "requires", name, id, true)) {
            LabGroup group = labs.get(lab);
            if (group == null) {
                throw fail(name, id, "requires", "names a lab the file does not define");
            }
            requires.add(group);
        }
        Period within;
        try {
            within = Period.parse(text(r, "within", name, id));
        } catch (DateTimeParseException e) {
            throw fail(name, id, "within", "is not an ISO-8601 period such as P6M or P28D");
        }
        if (within.isNegative() || within.isZero()) {
            throw fail(name, id, "within", "must be positive");
        }
        return new LabRule(id, text(r, "description", name, id), icd, snomed, drugs, requires, within, text(r,
                "source", name, id));
    }

    private static String text(JsonNode node, String field, String name, String where) {
        JsonNode v = node.path(field);
        if (!v.isValueNode() || v.asText("").isBlank()) {
            throw fail(name, where, field, "is missing or empty");
        }
        return v.asText().strip();
    }

    private static List<String> strings(JsonNode node, String field, String name, String where, boolean required) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() && !required) {
            return List.of();
        }
        if (!v.isArray() || (required && v.isEmpty())) {
            throw fail(name, where, field, required ? "must be a non-empty list" : "must be a list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isValueNode() || item.asText("").isBlank()) {
                throw fail(name, where, field, "has an empty item");
            }
            out.add(item.asText().strip());
        }
        return out;
    }

    private static ClinigateException fail(String file, String where, String field, String what) {
        return new ClinigateException(ErrorCode.CG_5102, "rule file " + file + ", " + where + ": " + field + " "
                + what);
    }
}
