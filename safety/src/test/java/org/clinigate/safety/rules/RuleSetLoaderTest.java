package org.clinigate.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.rails.RailAction;
import org.clinigate.core.rails.Severity;
import org.junit.jupiter.api.Test;

class RuleSetLoaderTest {

    private static final RuleSetLoader LOADER = new RuleSetLoader(Detectors.standard());

    private static final String HEAD = """
            ruleset: demo
            version: 2.3.1
            stage: output
            answers: {stop: Stopped.}
            rules:
            """;

    private static final String RULE = """
              - id: demo.shout
                category: style
                severity: low
                action: flag
                description: Shouting.
                detector: {type: pattern, any: ['\\bshout\\b']}
                tests:
                  - {text: shout, expect: match}
                  - {text: whisper, expect: no-match}
            """;

    private static RuleSet parse(String yaml) {
        return LOADER.parse(yaml, "demo.yaml");
    }

    private static void fails(String yaml, String... parts) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOfSatisfying(ClinigateException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CG_6001);
            for (String p : parts) {
                assertThat(e.getMessage()).contains(p);
            }
        });
    }

    @Test
    void loads_a_rule_set_and_exposes_its_version() {
        RuleSet s = parse(HEAD + RULE);
        assertThat(s.id()).isEqualTo("demo");
        assertThat(s.version()).isEqualTo("2.3.1");
        assertThat(s.name()).isEqualTo("demo@2.3.1");
        Rule r = s.rule("demo.shout").orElseThrow();
        assertThat(r.severity()).isEqualTo(Severity.LOW);
        assertThat(r.action()).isEqualTo(RailAction.FLAG);
        assertThat(r.tests()).hasSize(2);
    }

    @Test
    void bundled_rule_sets_have_versions() {
        assertThat(LOADER.resource(RuleSetLoader.INPUT_RESOURCE).version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(LOADER.resource(RuleSetLoader.OUTPUT_RESOURCE).version()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void an_unknown_field_names_the_rule_and_the_field() {
        fails(HEAD + RULE.replace("severity: low", "severity: low\n    sevrity: high"), "rule 'demo.shout'",
                "field 'rules[0].sevrity'", "unknown field");
    }

    @Test
    void a_bad_severity_or_action_names_the_allowed_values() {
        fails(HEAD + RULE.replace("severity: low", "severity: dire"), "rule 'demo.shout'", "severity", "critical");
        fails(HEAD + RULE.replace("action: flag", "action: shout"), "rule 'demo.shout'", "action", "replace");
    }

    @Test
    void a_missing_description_or_tests_is_an_error() {
        fails(HEAD + RULE.replace("    description: Shouting.\n", ""), "rule 'demo.shout'", "description",
                "required");
        fails(HEAD + RULE.replace("      - {text: whisper, expect: no-match}\n", ""), "rule 'demo.shout'", "tests",
                "no-match");
    }

    @Test
    void a_broken_regular_expression_names_its_index_not_its_text() {
        fails(HEAD + RULE.replace("['\\bshout\\b']", "['ok', '(unclosed']"), "rule 'demo.shout'",
                "detector.any[1]", "invalid regular expression");
    }

    @Test
    void an_upper_case_pattern_is_refused_because_texts_are_folded_to_lower_case() {
        fails(HEAD + RULE.replace("['\\bshout\\b']", "['\\bShout\\S']"), "detector.any[0]", "lower case");
        assertThat(parse(HEAD + RULE.replace("['\\bshout\\b']", "['\\bshout\\S*']")).rules()).hasSize(1);
    }

    @Test
    void a_blocking_rule_needs_a_known_answer_and_a_replacing_rule_a_replacement() {
        fails(HEAD + RULE.replace("action: flag", "action: block"), "answer", "required");
        fails(HEAD + RULE.replace("action: flag", "action: block\n    answer: nope"), "answer", "stop");
        fails(HEAD + RULE.replace("action: flag", "action: replace"), "replacement", "required");
    }

    @Test
    void unknown_detector_types_and_cues_are_named() {
        fails(HEAD + RULE.replace("type: pattern, any: ['\\bshout\\b']", "type: psychic"), "unknown detector type",
                "pattern");
        fails(HEAD + RULE.replace("any: ['\\bshout\\b']", "when: [{all: [{cue: mood}]}]"), "cue", "no cue");
    }

    @Test
    void duplicate_ids_and_bad_stages_are_errors() {
        fails(HEAD + RULE + RULE, "duplicate rule id");
        fails(HEAD.replace("stage: output", "stage: middle") + RULE, "stage", "input or output");
    }

    @Test
    void text_that_is_not_yaml_gives_a_line_and_column() {
        fails("ruleset: [unclosed\n  version: 1\n", "demo.yaml", "not valid YAML", "line");
    }

    @Test
    void a_rule_whose_own_tests_fail_stops_the_rail_with_cg_6003() {
        RuleSet s = parse(
                HEAD + RULE.replace("{text: whisper, expect: no-match}", "{text: shout it, expect: no-match}"));
        RuleSetRail rail = new RuleSetRail(s);
        assertThat(rail.selfTest()).singleElement().asString().contains("demo.shout test 2");
        assertThatThrownBy(rail::verified).isInstanceOfSatisfying(ClinigateException.class, e -> assertThat(e.code())
                .isEqualTo(ErrorCode.CG_6003));
    }
}
