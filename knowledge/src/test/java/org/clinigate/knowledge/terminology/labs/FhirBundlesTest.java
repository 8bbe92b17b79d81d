package org.clinigate.knowledge.terminology.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FhirBundlesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void reads_coded_conditions_medications_and_dated_lab_results() {
        PatientContext ctx = Bundles.bundle().icd("E11.9", "2019-03-02T10:00:00+01:00").condition(FhirBundles.SNOMED,
                "44054006", "recurrence", "2019").medication("314076", "lisinopril 10 MG Oral Tablet", "active",
                        "2026-03")
                .lab("4548-4", "2026-02-10").read(TODAY);

        assertThat(ctx.asOf()).isEqualTo(TODAY);
        assertThat(ctx.problems()).extracting(PatientContext.Problem::code).containsExactly("E11.9", "44054006");
        assertThat(ctx.problems().get(0).since()).hasValue(LocalDate.of(2019, 3, 2));
        assertThat(ctx.problems().get(1).since()).hasValue(LocalDate.of(2019, 1, 1));
        assertThat(ctx.medications()).singleElement().satisfies(m -> {
            assertThat(m.rxcui()).hasValue("314076");
            assertThat(m.since()).hasValue(LocalDate.of(2026, 3, 1));
        });
        assertThat(ctx.labs()).containsExactly(new PatientContext.LabResult("4548-4", LocalDate.of(2026, 2, 10)));
        assertThat(ctx.toString()).doesNotContain("lisinopril").contains("2 problems");
    }

    @Test
    void resolves_a_medication_reference_to_a_bundled_or_contained_medication() {
        PatientContext ctx = Bundles.bundle().raw("""
                {"fullUrl": "urn:uuid:med-1", "resource": {"resourceType": "Medication", "id": "med-1",
                  "code": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "855332"}],
                           "text": "warfarin sodium 5 MG Oral Tablet"}}}""").raw("""
                {"resource": {"resourceType": "MedicationRequest", "status": "active",
                  "medicationReference": {"reference": "urn:uuid:med-1"}}}""").raw("""
                {"resource": {"resourceType": "MedicationRequest",
                  "contained": [{"resourceType": "Medication", "id": "m",
                    "code": {"text": "Lithium carbonate 300 mg capsule"}}],
                  "medicationReference": {"reference": "#m"}}}""").read(TODAY);

        assertThat(ctx.medications()).hasSize(2);
        assertThat(ctx.medications().get(0).rxcui()).hasValue("855332");
        assertThat(ctx.medications().get(1).rxcui()).isEmpty();
        assertThat(ctx.medications().get(1).name()).isEqualTo("Lithium carbonate 300 mg capsule");
    }

    @Test
    void skips_refuted_conditions_cancelled_observations_and_uncoded_entries() {
        PatientContext ctx = Bundles.bundle().raw("""
                {"resource": {"resourceType": "Condition",
                  "verificationStatus": {"coding": [{"code": "refuted"}]},
                  "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "E11.9"}]}}}""").raw("""
                {"resource": {"resourceType": "Observation", "status": "cancelled",
                  "code": {"coding": [{"system": "http://loinc.org", "code": "4548-4"}]},
                  "effectiveDateTime": "2026-01-01"}}""").raw("""
                {"resource": {"resourceType": "Observation", "status": "final",
                  "code": {"coding": [{"system": "http://example.org/local", "code": "A1C"}]},
                  "issued": "2026-01-01T08:00:00Z"}}""").raw("""
                {"resource": {"resourceType": "Patient", "id": "p"}}""").read(TODAY);

        assertThat(ctx.problems()).isEmpty();
        assertThat(ctx.labs()).isEmpty();
    }

    @Test
    void input_that_is_not_a_bundle_or_has_a_bad_date_is_refused_without_its_content() {
        assertThatThrownBy(() -> read("{\"resourceType\": \"Patient\"}")).hasMessageStartingWith("CG-5103")
                .hasMessageContaining("not a FHIR Bundle");
        assertThatThrownBy(() -> read("{\"resourceType\": \"Bundle\", \"entry\": [")).hasMessageStartingWith(
                "CG-5103");
        String badDate = Bundles.bundle().icd("E11.9", "2019-03-02").lab("4548-4", "Jane's birthday").json();
        assertThatThrownBy(() -> read(badDate)).hasMessageStartingWith("CG-5103").hasMessageContaining(
                "entry 1: effectiveDateTime").hasMessageNotContaining("Jane");
    }

    private static PatientContext read(String json) {
        return FhirBundles.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), TODAY);
    }
}
