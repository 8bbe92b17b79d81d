package org.clinigate.eval.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.clinigate.eval.suite.Task;
import org.junit.jupiter.api.Test;

class SummaryAndRagGraderTest {

    static final String NOTE = "67M with type 2 diabetes and hypertension. On metformin 500 mg twice daily. "
            + "BP 150/90. Plan: add lisinopril 10 mg daily, recheck in 4 weeks.";

    @Test
    void section_completeness_counts_required_headings() {
        Task.Summary t = new Task.Summary(NOTE, List.of("Problems", "Medications", "Plan", "Follow-up"), null);
        String summary = "## Problems\nType 2 diabetes, hypertension\n**Medications**: metformin 500 mg\nPlan: add "
                + "lisinopril 10 mg daily";
        Grade g = SummaryGrader.defaults().grade(t, summary);
        assertThat(g.score()).isEqualTo(0.75);
        assertThat(g.parts().get("unsupported_entities")).isZero();
    }

    @Test
    void medications_diagnoses_and_numbers_missing_from_the_source_are_unsupported() {
        Task.Summary t = new Task.Summary(NOTE, List.of("Plan"), null);
        // Supported: diabetes, metformin, 500. Unsupported: warfarin, pneumonia, 20.
        Grade g = SummaryGrader.defaults().grade(t, "Plan: diabetes on metformin 500 mg; start warfarin for "
                + "pneumonia, 20 days.");
        assertThat(g.parts().get("entities")).isEqualTo(6.0);
        assertThat(g.parts().get("unsupported_entities")).isEqualTo(3.0);
        assertThat(g.parts().get("unsupported_entity_rate")).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void citation_fidelity_is_verified_citations_over_all_citations() {
        Task.RagQa q = new Task.RagQa("When is HbA1c checked?", List.of(new Task.Source("ada", "ADA",
                "HbA1c should be checked every 3 months in patients whose therapy has changed or who are not meeting "
                        + "glycemic goals."),
                new Task.Source("kdigo", "KDIGO",
                        "Measure eGFR and albuminuria at least once a year in people with diabetes.")),
                List
                        .of("every 3 months"));
        String answer = "HbA1c should be checked every 3 months when therapy has changed or goals are not met [1]. "
                + "Kidney function should be tested weekly with a liver biopsy [2]. Statins cure diabetes [7].";
        Grade g = RagGrader.defaults().grade(q, answer);
        assertThat(g.parts().get("citations")).isEqualTo(3.0);
        assertThat(g.parts().get("citations_verified")).isEqualTo(1.0);
        assertThat(g.score()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(g.parts().get("answer_found")).isEqualTo(1.0);
        Grade none = RagGrader.defaults().grade(q, "I do not know.");
        assertThat(none.score()).isZero();
        assertThat(none.parts().get("answer_found")).isZero();
    }
}
