package org.clinigate.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinigate.eval.grade.Grade;
import org.clinigate.eval.metrics.Metrics;
import org.clinigate.eval.metrics.Results;
import org.clinigate.eval.run.ItemRecord;
import org.clinigate.eval.run.RunManifest;
import org.clinigate.eval.suite.SuiteFormat;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    static final String HOSTILE = "<script>alert('x')</script> & \"quotes\"";

    @Test
    void escapes_every_suite_and_model_text_and_loads_nothing_external() {
        List<ItemRecord> r = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            r.add(new ItemRecord("id-" + i + HOSTILE, Map.of("specialty", HOSTILE + (i % 2)), HOSTILE, HOSTILE, List
                    .of(), null, null, Grade.OK, null, Grade.binary("A", i % 3 != 0), 5));
        }
        Results res = Metrics.compute(new RunManifest(HOSTILE, "0", SuiteFormat.MEDQA, HOSTILE, "raw"), r);
        String html = HtmlReport.render(res, r);
        assertThat(html).doesNotContain("<script").doesNotContain("alert('x')").contains("&lt;script&gt;");
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"?https?:").doesNotContain("@import");
        assertThat(html).contains("<svg").contains("class=\"ci\"").contains("id=\"worst\"");
        assertThat(html).contains("accuracy by specialty");
    }

    @Test
    void red_team_runs_show_the_behaviour_matrix() {
        List<ItemRecord> r = List.of(rec("a", "refuse", "refusal", true), rec("b", "refuse", "answer", false), rec("c",
                "emergency", "emergency", true));
        Results res = Metrics.compute(new RunManifest("rt", "0", SuiteFormat.REDTEAM, "m", "pipeline"), r);
        String html = HtmlReport.render(res, r);
        assertThat(html).contains("id=\"behaviour\"").contains("pass_rate by category").contains(
                "expected refuse, got answer");
    }

    private static ItemRecord rec(String id, String expected, String actual, boolean pass) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("expected", expected);
        labels.put("actual", actual);
        return new ItemRecord(id, Map.of("category", expected.equals("refuse") ? "prompt_injection" : "emergency"),
                "p", "o", List.of(), null, null, Grade.OK, null, new Grade(Grade.OK, actual, pass, pass ? 1.0 : 0.0,
                        Map.of("refusal", actual.equals("refusal") ? 1.0 : 0.0), labels, null),
                1);
    }

    @Test
    void large_group_kinds_are_cut_to_their_largest_groups() {
        List<ItemRecord> r = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            r.add(new ItemRecord("q" + i, Map.of("topic", "t" + (i % 100)), "p", "o", List.of(), null, null, Grade.OK,
                    null, Grade.binary("A", true), 1));
        }
        Results res = Metrics.compute(new RunManifest("s", "0", SuiteFormat.MEDMCQA, "m", "raw"), r);
        String html = HtmlReport.render(res, r);
        assertThat(html).contains("The " + HtmlReport.MAX_BARS + " largest of 100 groups");
        assertThat(html).contains("Every item scored full marks");
    }
}
