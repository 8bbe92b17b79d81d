package org.clinigate.safety.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.rails.RailAction;
import org.clinigate.core.rails.RailContext;
import org.clinigate.core.rails.RailSource;
import org.clinigate.core.rails.Severity;
import org.clinigate.safety.config.Params;
import org.clinigate.safety.config.Yaml;

/**
 * Loads and validates a rule set from YAML. The format (ADR 0014):
 *
 * <pre>
 * ruleset: clinigate-input          # id
 * version: 1.0.0                    # reported with every verdict
 * stage: input                      # or output
 * description: ...
 * answers: {emergency: "Call emergency services ..."}   # fixed answers of blocking rules
 * cues: {personal: [regex, ...]}    # named patterns that pattern rules share
 * rules:
 *   - id: input.emergency.stroke    # [a-z0-9.-]+, unique
 *     category: emergency           # for reports
 *     severity: critical            # low | medium | high | critical
 *     action: block                 # flag | block | replace
 *     answer: emergency             # blocking rules: a key of answers
 *     replacement: "[REDACTED]"     # replacing rules
 *     description: ...
 *     message: ...                  # optional; the flag message when the detector gives none
 *     tasks: [radiology-draft]      # optional; default all tasks
 *     except-tasks: [note-summary]  # optional; tasks the rule skips (documents rather than a person speaking)
 *     detector: {type: pattern, ...}
 *     tests:                        # at least one match and one no-match
 *       - {text: ..., expect: match}
 *       - {text: ..., expect: no-match, context: {task: ask, patientAgeYears: 4, patientWeightKg: 16,
 *          sources: [{id: "1", text: ...}], pseudonyms: ["[NAME_1]"]}}
 * </pre>
 *
 * Every error is a {@link org.clinigate.core.error.ClinigateException} with {@link ErrorCode#CG_6001} whose message
 * names the rule set, the rule and the field. Stateless and thread safe.
 */
public final class RuleSetLoader {

    /** The bundled input rule set. */
    public static final String INPUT_RESOURCE = "/org/clinigate/safety/rules/input-rules.yaml";
    /** The bundled output rule set. */
    public static final String OUTPUT_RESOURCE = "/org/clinigate/safety/rules/output-rules.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    private final Detectors detectors;

    public RuleSetLoader(Detectors detectors) {
        this.detectors = Objects.requireNonNull(detectors, "detectors");
    }

    /** Loads a bundled resource, such as {@link #INPUT_RESOURCE}. */
    public RuleSet resource(String name) {
        return parse(Yaml.resource(name, ErrorCode.CG_6001), name);
    }

    /** Loads a file. */
    public RuleSet load(Path file) {
        return parse(Yaml.read(file, ErrorCode.CG_6001), file.getFileName().toString());
    }

    /** Loads YAML text; {@code name} names it in errors. */
    public RuleSet parse(String yaml, String name) {
        return parse(Yaml.read(new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                name, ErrorCode.CG_6001), name);
    }

    RuleSet parse(JsonNode root, String name) {
        Params top = Params.of(root, ErrorCode.CG_6001, "rule set " + name, "");
        String id = top.text("ruleset");
        top = top.at("rule set '" + id + "'");
        String version = top.text("version");
        RuleSet.Stage stage = switch (top.text("stage")) {
            case "input" -> RuleSet.Stage.INPUT;
            case "output" -> RuleSet.Stage.OUTPUT;
            default -> throw top.fail("stage", "must be input or output");
        };
        String description = top.text("description", "");
        Map<String, String> answers = top.textMap("answers");
        Map<String, Pattern> cues = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : top.textListMap("cues").entrySet()) {
            cues.put(e.getKey(), top.compile("cues." + e.getKey(), e.getValue()));
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Params r : top.objects("rules", true)) {
            Rule rule = rule(r, id, answers, cues);
            if (!ids.add(rule.id())) {
                throw r.fail("id", "duplicate rule id '" + rule.id() + "'");
            }
            rules.add(rule);
        }
        top.done();
        return new RuleSet(id, version, stage, description, rules);
    }

    private Rule rule(Params r, String set, Map<String, String> answers, Map<String, Pattern> cues) {
        String id = r.text("id");
        if (!ID.matcher(id).matches()) {
            throw r.fail("id", "must match " + ID.pattern());
        }
        Params p = r.at("rule set '" + set + "', rule '" + id + "'");
        Severity severity = parse(p, "severity", Severity::parse);
        RailAction action = parse(p, "action", RailAction::parse);
        String description = p.text("description");
        String message = p.text("message", description);
        String category = p.text("category");
        Set<String> tasks = new LinkedHashSet<>(p.texts("tasks", List.of()));
        Set<String> exceptTasks = new LinkedHashSet<>(p.texts("except-tasks", List.of()));
        String answer = null;
        if (action == RailAction.BLOCK) {
            String key = p.text("answer");
            answer = answers.get(key);
            if (answer == null) {
                throw p.fail("answer", "no answer of this name; defined: " + answers.keySet());
            }
        } else if (p.has("answer")) {
            throw p.fail("answer", "only blocking rules have an answer");
        }
        String replacement = null;
        if (action == RailAction.REPLACE) {
            replacement = p.text("replacement");
        } else if (p.has("replacement")) {
            throw p.fail("replacement", "only replacing rules have a replacement");
        }
        Detector detector = detectors.create(p.object("detector"), cues);
        List<RuleTest> tests = tests(p);
        p.done();
        return new Rule(id, category, severity, action, description, message, tasks, exceptTasks, detector, answer,
                replacement, tests);
    }

    private static <T> T parse(Params p, String field, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(p.text(field));
        } catch (IllegalArgumentException e) {
            throw p.fail(field, e.getMessage());
        }
    }

    private static List<RuleTest> tests(Params p) {
        List<RuleTest> out = new ArrayList<>();
        boolean match = false;
        boolean noMatch = false;
        for (Params t : p.objects("tests", true)) {
            String expect = t.text("expect");
            boolean m = switch (expect) {
                case "match" -> true;
                case "no-match" -> false;
                default -> throw t.fail("expect", "must be match or no-match");
            };
            match |= m;
            noMatch |= !m;
            RailContext ctx = t.optObject("context").map(RuleSetLoader::context).orElse(RailContext.empty());
            out.add(new RuleTest(t.text("text"), m, ctx));
            t.done();
        }
        if (!match || !noMatch) {
            throw p.fail("tests", "needs at least one 'match' and one 'no-match' test");
        }
        return out;
    }

    private static RailContext context(Params c) {
        String task = c.text("task", null);
        Double age = c.has("patientAgeYears") ? c.number("patientAgeYears", 0, 0) : null;
        Double weight = c.positive("patientWeightKg");
        List<RailSource> sources = new ArrayList<>();
        for (Params s : c.objects("sources", false)) {
            sources.add(new RailSource(s.text("id"), s.text("text")));
            s.done();
        }
        Set<String> pseudonyms = c.has("pseudonyms") ? new LinkedHashSet<>(c.texts("pseudonyms")) : null;
        c.done();
        try {
            return new RailContext(task, age, weight, sources, pseudonyms);
        } catch (IllegalArgumentException e) {
            throw c.fail("patientAgeYears", e.getMessage());
        }
    }
}
