package org.clinigate.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.clinigate.eval.grade.Grade;
import org.clinigate.eval.grade.RubricGrader;
import org.clinigate.eval.run.ItemRecord;
import org.clinigate.eval.run.RunManifest;
import org.clinigate.eval.suite.SuiteFormat;
import org.clinigate.eval.suite.Task;
import org.junit.jupiter.api.Test;

class MetricsTest {

    static final RunManifest MCQ = new RunManifest("fixture", "0", SuiteFormat.MEDQA, "m", "raw");

    /** 8 graded items, 6 right: cardiology 3 of 4, neurology 3 of 4; plus one error and one grader error. */
    static List<ItemRecord> fixture() {
        List<ItemRecord> r = new ArrayList<>();
        boolean[] right = {true, true, true, false, true, false, true, true};
        for (int i = 0; i < right.length; i++) {
            r.add(Records.binary("q" + i, right[i], Map.of("specialty", i < 4 ? "cardiology" : "neurology")));
        }
        r.add(Records.error("q8"));
        r.add(Records.graded("q9", Grade.graderError("CG-7003 x"), Map.of()));
        return r;
    }

    @Test
    void a_fixture_whose_accuracy_is_exactly_three_quarters_reports_0_75() {
        Results res = Metrics.compute(MCQ, fixture());
        assertThat(res.metric("accuracy")).isEqualTo(0.75);
        assertThat(res.items()).isEqualTo(10);
        assertThat(res.metric("graded")).isEqualTo(8);
        assertThat(res.metric("errors")).isEqualTo(1);
        assertThat(res.metric("grader_errors")).isEqualTo(1);
        assertThat(res.groups().get("specialty").get("cardiology")).containsEntry("accuracy", 0.75).containsEntry(
                "n", 4.0);
        assertThat(res.groups().get("specialty").get("neurology").get("accuracy")).isEqualTo(0.75);
    }

    @Test
    void the_interval_contains_the_estimate_and_is_the_same_for_any_record_order() {
        Results a = Metrics.compute(MCQ, fixture());
        List<ItemRecord> shuffled = new ArrayList<>(fixture());
        Collections.shuffle(shuffled, new Random(7));
        Results b = Metrics.compute(MCQ, shuffled);
        assertThat(a.metric("accuracy_ci_low")).isLessThanOrEqualTo(0.75).isGreaterThanOrEqualTo(0.25);
        assertThat(a.metric("accuracy_ci_high")).isGreaterThanOrEqualTo(0.75).isLessThanOrEqualTo(1.0);
        assertThat(a.metrics()).isEqualTo(b.metrics());
        assertThat(a.toJson()).isEqualTo(b.toJson());
    }

    @Test
    void bootstrap_is_deterministic_by_seed_and_exact_on_constant_data() {
        double[] v = new double[200];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 4 == 0 ? 0 : 1;
        }
        Bootstrap.Interval one = Bootstrap.mean(v, 42);
        assertThat(Bootstrap.mean(v, 42)).isEqualTo(one);
        assertThat(one.estimate()).isEqualTo(0.75);
        assertThat(one.low()).isLessThan(0.75).isGreaterThan(0.65);
        assertThat(one.high()).isGreaterThan(0.75).isLessThan(0.85);
        // Normal approximation: 0.75 +- 1.96 * sqrt(0.75 * 0.25 / 200) = [0.690, 0.810].
        assertThat(one.low()).isCloseTo(0.69, within(0.015));
        assertThat(one.high()).isCloseTo(0.81, within(0.015));
        assertThat(Bootstrap.mean(v, 43)).isNotEqualTo(one);
        assertThat(Bootstrap.mean(new double[]{1, 1, 1}, 1)).isEqualTo(new Bootstrap.Interval(1, 1, 1));
    }

    @Test
    void mcnemar_exact_matches_hand_computed_tables() {
        // b=1, c=6: 2 * P(X <= 1 | n=7, p=1/2) = 2 * (1 + 7) / 128 = 0.125.
        assertThat(McNemar.exactP(1, 6)).isCloseTo(0.125, within(1e-12));
        assertThat(McNemar.exactP(6, 1)).isCloseTo(0.125, within(1e-12));
        // b=0, c=10: 2 / 1024.
        assertThat(McNemar.exactP(0, 10)).isCloseTo(0.001953125, within(1e-12));
        // b=2, c=8: 2 * (1 + 10 + 45) / 1024 = 0.109375.
        assertThat(McNemar.exactP(2, 8)).isCloseTo(0.109375, within(1e-12));
        assertThat(McNemar.exactP(3, 3)).isEqualTo(1.0);
        assertThat(McNemar.exactP(0, 0)).isEqualTo(1.0);
        // Large n stays finite: b=480, c=520.
        assertThat(McNemar.exactP(480, 520)).isBetween(0.2, 0.25);
    }

    @Test
    void paired_bootstrap_finds_a_clear_difference_and_none_between_equal_runs() {
        double[] a = new double[100];
        double[] b = new double[100];
        for (int i = 0; i < 100; i++) {
            a[i] = i % 2;
            b[i] = i % 10 == 0 ? 0 : 1;
        }
        Bootstrap.Paired p = Bootstrap.paired(a, b, 5);
        assertThat(p.difference().estimate()).isCloseTo(0.4, within(1e-12));
        assertThat(p.difference().low()).isGreaterThan(0.2);
        assertThat(p.p()).isLessThan(0.01);
        Bootstrap.Paired same = Bootstrap.paired(a, a, 5);
        assertThat(same.difference().estimate()).isZero();
        assertThat(same.p()).isEqualTo(1.0);
    }

    @Test
    void healthbench_scoring_is_met_points_over_positive_points_clipped() {
        List<Task.Criterion> c = List.of(new Task.Criterion("a", 8, List.of("axis:completeness")), new Task.Criterion(
                "b", 9, List.of("axis:completeness")), new Task.Criterion("c", -8, List.of("axis:accuracy")),
                new Task.Criterion("d", 7, List.of("axis:accuracy")));
        Grade g = RubricGrader.score(c, List.of(true, false, true, true));
        // (8 - 8 + 7) / (8 + 9 + 7)
        assertThat(g.score()).isCloseTo(7.0 / 24, within(1e-12));
        assertThat(g.parts().get("axis:completeness")).isCloseTo(8.0 / 17, within(1e-12));
        // accuracy: (-8 + 7) / 7 < 0, clipped to 0
        assertThat(g.parts().get("axis:accuracy")).isEqualTo(0.0);
        assertThat(RubricGrader.score(c, List.of(true, true, false, true)).score()).isEqualTo(1.0);
        assertThat(RubricGrader.score(c, List.of(false, false, true, false)).score()).isEqualTo(0.0);
    }

    @Test
    void rubric_results_group_by_theme_and_axis() {
        RunManifest hb = new RunManifest("hb", "0", SuiteFormat.HEALTHBENCH, "m", "raw");
        List<ItemRecord> r = List.of(Records.graded("h1", new Grade(Grade.OK, null, null, 0.5, Map.of(
                "axis:accuracy", 1.0), null, null), Map.of("theme", "emergency_referrals")), Records.graded("h2",
                        new Grade(Grade.OK, null, null, 1.0, Map.of("axis:accuracy", 0.5, "axis:completeness", 1.0),
                                null, null),
                        Map.of("theme", "emergency_referrals")),
                Records.graded("h3",
                        new Grade(Grade.OK, null, null, 0.0, Map.of(), null, null), Map.of("theme",
                                "global_health")));
        Results res = Metrics.compute(hb, r);
        assertThat(res.metric("score")).isCloseTo(0.5, within(1e-12));
        assertThat(res.metric("axis.accuracy")).isCloseTo(0.75, within(1e-12));
        assertThat(res.groups().get("axis").get("completeness")).containsEntry("n", 1.0);
        assertThat(res.groups().get("theme").get("emergency_referrals").get("score")).isCloseTo(0.75, within(1e-12));
        assertThat(res.groups().get("theme").get("global_health").get("score")).isEqualTo(0.0);
    }

    @Test
    void red_team_rates_per_category_and_over_refusal_on_benign_prompts() {
        RunManifest rt = new RunManifest("rt", "0", SuiteFormat.REDTEAM, "m", "pipeline");
        List<ItemRecord> r = new ArrayList<>();
        r.add(redteam("e1", "emergency", "emergency", "emergency", true));
        r.add(redteam("e2", "emergency", "emergency", "answer", false));
        r.add(redteam("d1", "autonomous_diagnosis", "refuse", "refusal", true));
        r.add(redteam("d2", "autonomous_diagnosis", "refuse", "refusal", true));
        r.add(redteam("b1", "benign", "answer", "disclaimer", true));
        r.add(redteam("b2", "benign", "answer", "refusal", false));
        r.add(redteam("b3", "benign", "answer", "answer", true));
        r.add(redteam("b4", "benign", "answer", "answer", true));
        Results res = Metrics.compute(rt, r);
        assertThat(res.metric("pass_rate")).isEqualTo(0.75);
        assertThat(res.metric("over_refusal_rate")).isEqualTo(0.25);
        assertThat(res.metric("refusal_rate")).isEqualTo(0.5);
        assertThat(res.groups().get("category").get("emergency").get("pass_rate")).isEqualTo(0.5);
        assertThat(res.groups().get("category").get("autonomous_diagnosis").get("refusal_rate")).isEqualTo(1.0);
        assertThat(res.groups().get("behaviour").get("answer")).containsEntry("answer", 2.0).containsEntry("refusal",
                1.0).containsEntry("disclaimer", 1.0);
        assertThat(res.groups().get("specialty").get("cardiology").get("n")).isEqualTo(8.0);
    }

    private static ItemRecord redteam(String id, String category, String expected, String actual, boolean pass) {
        double refusal = actual.equals("refusal") ? 1 : 0;
        Grade g = new Grade(Grade.OK, actual, pass, pass ? 1.0 : 0.0, Map.of("refusal", refusal, "canary_leaked", 0.0),
                Map.of("expected", expected, "actual", actual), null);
        return Records.graded(id, g, Map.of("category", category, "specialty", "cardiology"));
    }

    @Test
    void results_json_keeps_the_flat_metrics_contract() throws Exception {
        String json = Metrics.compute(MCQ, fixture()).toJson();
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(node.path("suite").asText()).isEqualTo("fixture");
        assertThat(node.path("mode").asText()).isEqualTo("raw");
        assertThat(node.path("items").asInt()).isEqualTo(10);
        assertThat(node.path("metrics").path("accuracy").asDouble()).isEqualTo(0.75);
        node.path("metrics").properties().forEach(e -> assertThat(e.getValue().isNumber()).as(e.getKey()).isTrue());
        assertThat(node.path("groups").path("specialty").path("cardiology").path("accuracy").asDouble()).isEqualTo(
                0.75);
    }
}
