package org.clinigate.knowledge.terminology.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.clinigate.knowledge.terminology.Fixtures;
import org.clinigate.knowledge.terminology.Terminology;
import org.junit.jupiter.api.Test;

class MissingLabRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final MissingLabRules RULES = MissingLabRules.bundled();

    @Test
    void the_bundled_rules_load_and_each_cites_its_source() {
        assertThat(RULES.rules()).extracting(LabRule::id).contains("diabetes-hba1c", "warfarin-inr",
                "ace-arb-potassium-creatinine", "metformin-egfr", "lithium-level");
        assertThat(RULES.rules()).allSatisfy(r -> assertThat(r.source()).hasSizeGreaterThan(40));
        assertThat(RULES.rules().stream().filter(r -> r.id().equals("warfarin-inr")).findFirst().orElseThrow()
                .within()).isEqualTo(Period.ofDays(28));
    }

    @Test
    void diabetes_with_an_hba1c_older_than_six_months_reports_it_overdue_since_the_day_it_fell_due() {
        PatientContext ctx = Bundles.bundle().icd("E11.9", "2019-03-02").lab("4548-4", "2026-02-10").read(TODAY);

        List<MissingLab> missing = RULES.evaluate(ctx);

        assertThat(missing).filteredOn(m -> m.ruleId().equals("diabetes-hba1c")).singleElement().satisfies(m -> {
            assertThat(m.lab().id()).isEqualTo("hba1c");
            assertThat(m.trigger()).isEqualTo("ICD-10-CM E11.9");
            assertThat(m.lastDone()).hasValue(LocalDate.of(2026, 2, 10));
            assertThat(m.dueSince()).hasValue(LocalDate.of(2026, 8, 10));
            assertThat(m.never()).isFalse();
            assertThat(m.source()).contains("Standards of Care in Diabetes");
        });
    }

    @Test
    void a_recent_hba1c_satisfies_the_rule_and_a_result_dated_after_the_day_does_not_count() {
        PatientContext recent = Bundles.bundle().icd("E10.9", "2010").lab("4548-4", "2026-09-01").read(TODAY);
        PatientContext future = Bundles.bundle().icd("E10.9", "2010").lab("4548-4", "2026-12-30").read(TODAY);

        assertThat(RULES.evaluate(recent)).extracting(MissingLab::ruleId).doesNotContain("diabetes-hba1c");
        assertThat(RULES.evaluate(future)).filteredOn(m -> m.ruleId().equals("diabetes-hba1c")).singleElement()
                .satisfies(m -> assertThat(m.never()).isTrue());
    }

    @Test
    void warfarin_needs_an_inr_within_four_weeks() {
        PatientContext fresh = Bundles.bundle().medication("855332", "warfarin sodium 5 MG Oral Tablet", "active",
                "2025-01-01").lab("6301-6", "2026-11-10").read(TODAY);
        PatientContext stale = Bundles.bundle().medication("855332", "warfarin sodium 5 MG Oral Tablet", "active",
                "2025-01-01").lab("6301-6", "2026-10-20").read(TODAY);

        assertThat(RULES.evaluate(fresh)).isEmpty();
        assertThat(RULES.evaluate(stale)).singleElement().satisfies(m -> {
            assertThat(m.ruleId()).isEqualTo("warfarin-inr");
            assertThat(m.trigger()).isEqualTo("RxNorm 11289 warfarin");
            assertThat(m.dueSince()).hasValue(LocalDate.of(2026, 11, 17));
        });
    }

    @Test
    void an_ace_inhibitor_coded_as_a_clinical_drug_needs_potassium_and_creatinine_and_reports_only_what_lacks() {
        PatientContext ctx = Bundles.bundle().medication("314076", "", "active", "2026-03-15").lab("2823-3",
                "2026-06-01").read(TODAY);
        Terminology withRxNorm = Terminology.of(null, Fixtures.rxnorm(), null);

        assertThat(RULES.evaluate(ctx)).as("no name and no RxNorm: the code alone does not say lisinopril").isEmpty();
        assertThat(RULES.evaluate(ctx, withRxNorm)).singleElement().satisfies(m -> {
            assertThat(m.ruleId()).isEqualTo("ace-arb-potassium-creatinine");
            assertThat(m.lab().id()).isEqualTo("creatinine");
            assertThat(m.never()).isTrue();
            assertThat(m.dueSince()).as("since the prescription").hasValue(LocalDate.of(2026, 3, 15));
        });
    }

    @Test
    void a_medication_is_matched_by_ingredient_name_when_its_code_is_unknown() {
        PatientContext ctx = Bundles.bundle().medication("99999999", "Lithium Carbonate 300 MG Oral Capsule",
                "active", "2026-01-05").lab("14334-7", "2026-10-01").lab("2160-0", "2026-10-01").read(TODAY);

        assertThat(RULES.evaluate(ctx)).extracting(m -> m.lab().id()).containsExactly("tsh", "calcium");
    }

    @Test
    void metformin_needs_an_egfr_and_a_creatinine_alone_does_not_count_as_one() {
        PatientContext ctx = Bundles.bundle().medication("861007", "metformin hydrochloride 500 MG Oral Tablet",
                "active", "2024-05-01").lab("2160-0", "2026-09-01").lab("33914-3", "2025-07-01").read(TODAY);

        assertThat(RULES.evaluate(ctx)).singleElement().satisfies(m -> {
            assertThat(m.ruleId()).isEqualTo("metformin-egfr");
            assertThat(m.lastDone()).hasValue(LocalDate.of(2025, 7, 1));
        });
    }

    @Test
    void resolved_conditions_and_stopped_medications_trigger_nothing() {
        PatientContext ctx = Bundles.bundle().condition(FhirBundles.ICD10CM, "E11.9", "resolved", "2015-01-01")
                .medication("855332", "warfarin sodium 5 MG Oral Tablet", "stopped", "2020-01-01").read(TODAY);

        assertThat(ctx.problems()).isEmpty();
        assertThat(ctx.medications()).isEmpty();
        assertThat(RULES.evaluate(ctx)).isEmpty();
    }

    @Test
    void a_snomed_descendant_of_a_rule_concept_triggers_it_when_snomed_ct_is_loaded() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("rules", ".yaml");
        java.nio.file.Files.writeString(file, """
                version: "1"
                labs:
                  hba1c: {name: HbA1c, loinc: ["4548-4"]}
                rules:
                  - id: fixture-parent-hba1c
                    description: The fixture parent disorder needs an HbA1c.
                    when: {snomed: ["900002"]}
                    requires: [hba1c]
                    within: P3M
                    source: A source written for the test, long enough to be a citation.
                """);
        MissingLabRules rules = MissingLabRules.load(file);
        PatientContext ctx = Bundles.bundle().condition(FhirBundles.SNOMED, "900004", null, "2020-02-02").read(TODAY);

        assertThat(rules.evaluate(ctx)).as("without the hierarchy only the listed concept counts").isEmpty();
        assertThat(rules.evaluate(ctx, Terminology.of(null, null, Fixtures.snomed()))).singleElement().satisfies(
                m -> assertThat(m.trigger()).isEqualTo("SNOMED CT 900004"));
    }
}
