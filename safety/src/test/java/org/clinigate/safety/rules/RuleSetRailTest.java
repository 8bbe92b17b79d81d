package org.clinigate.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinigate.core.rails.RailContext;
import org.clinigate.core.rails.RailFlag;
import org.clinigate.core.rails.Severity;
import org.clinigate.core.rails.Verdict;
import org.junit.jupiter.api.Test;

class RuleSetRailTest {

    private static final String SET = """
            ruleset: demo
            version: 1.0.0
            stage: output
            answers: {soft: Soft stop., hard: Hard stop.}
            rules:
              - id: demo.soft
                category: c
                severity: medium
                action: block
                answer: soft
                description: d
                detector: {type: pattern, any: ['\\bsoft\\b']}
                tests: [{text: soft, expect: match}, {text: x, expect: no-match}]
              - id: demo.hard
                category: c
                severity: critical
                action: block
                answer: hard
                description: d
                detector: {type: pattern, any: ['\\bhard\\b']}
                tests: [{text: hard, expect: match}, {text: x, expect: no-match}]
              - id: demo.mask
                category: c
                severity: low
                action: replace
                replacement: '***'
                description: d
                tasks: [note-summary]
                detector: {type: pattern, report: each, any: ['\\bsecret\\b']}
                tests: [{text: secret, expect: match, context: {task: note-summary}}, {text: x, expect: no-match}]
              - id: demo.boom
                category: c
                severity: low
                action: flag
                description: d
                detector: {type: boom}
                tests: [{text: boom, expect: match}, {text: y, expect: no-match}]
            """;

    private static RuleSetRail rail(boolean withBoom) {
        Detectors d = Detectors.standard().with("boom", (p, cues) -> (in, out) -> {
            if (in.text().contains("boom")) {
                throw new IllegalStateException("detector bug");
            }
        });
        String yaml = withBoom ? SET : SET.substring(0, SET.indexOf("  - id: demo.boom"));
        return new RuleSetRail(new RuleSetLoader(d).parse(yaml, "demo"));
    }

    @Test
    void the_most_severe_blocking_rule_gives_the_answer() {
        Verdict v = rail(false).check("soft then hard", RailContext.empty());
        assertThat(v).isInstanceOfSatisfying(Verdict.Block.class, b -> assertThat(b.answer()).isEqualTo(
                "Hard stop."));
        assertThat(v.flags()).extracting(RailFlag::rule).containsExactly("demo.soft", "demo.hard");
    }

    @Test
    void a_replacing_rule_rewrites_its_spans_and_applies_only_to_its_tasks() {
        Verdict v = rail(false).check("a secret and another secret", RailContext.of("note-summary"));
        assertThat(v).isInstanceOfSatisfying(Verdict.Flag.class, f -> assertThat(f.text()).isEqualTo(
                "a *** and another ***"));
        assertThat(rail(false).check("a secret", RailContext.of("chat"))).isSameAs(Verdict.PASS);
    }

    @Test
    void a_detector_that_throws_raises_a_high_flag_instead_of_failing_the_check() {
        Verdict v = rail(true).check("boom", RailContext.empty());
        assertThat(v.flags()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("demo.boom");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("could not run").doesNotContain("detector bug");
        });
    }

    @Test
    void never_throws_on_empty_null_huge_or_binary_text() {
        RuleSetRail input = new RuleSetRail(new RuleSetLoader(Detectors.standard()).resource(
                RuleSetLoader.INPUT_RESOURCE));
        RuleSetRail output = new RuleSetRail(new RuleSetLoader(Detectors.standard()).resource(
                RuleSetLoader.OUTPUT_RESOURCE));
        String huge = "acetaminophen 1000 mg q6h; I want to kill myself. [NAME_1] ".repeat(20_000);
        String binary = "\u0000\u0001\uFFFF\uD800 mg 10 g \u202E[1] et al \uDBFF\uDFFF";
        for (String t : new String[]{"", null, huge, binary, "(((((((((((((((((((((((", "mg mg mg 1 1 1 . . ."}) {
            assertThat(input.check(t, RailContext.empty())).isNotNull();
            Verdict v = output.check(t, null);
            int len = t == null ? 0 : t.length();
            v.flags().forEach(f -> assertThat(f.end()).isLessThanOrEqualTo(len));
        }
    }
}
