package org.clinigate.fhir.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.time.Instant;
import java.util.List;
import org.clinigate.core.drafts.Draft;
import org.clinigate.core.drafts.DraftStatus;
import org.clinigate.core.error.ClinigateException;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DraftDocumentsTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static FhirValidator validator;

    @BeforeAll
    static void validator() {
        var support = new ValidationSupportChain(FHIR.getValidationSupport(),
                new InMemoryTerminologyServerValidationSupport(FHIR), new CommonCodeSystemsTerminologyService(FHIR));
        validator = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
    }

    static Draft draft(String task, DraftStatus status) {
        Instant t = Instant.parse("2026-11-28T09:00:00Z");
        boolean reviewed = status != DraftStatus.PRELIMINARY;
        return new Draft("6f1c2a52-8f4e-4a4e-9d0e-2b8f7f0a1c11", "ward-7", "patient", "b".repeat(64), task,
                "medgemma-27b", "v3", List.of("guideline-htn#4"), List.of(), "Findings: <clear> & normal.",
                "Findings: lungs clear.\nImpression: no acute disease.", status, reviewed ? 2 : 1, t,
                reviewed ? "key:ab12cd34" : null, reviewed ? t.plusSeconds(600) : null,
                status == DraftStatus.REJECTED ? "wrong study" : null);
    }

    private static List<String> errors(Bundle b) {
        return validator.validateWithResult(b).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(Object::toString).toList();
    }

    private static <T> T only(Bundle b, Class<T> type) {
        return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).reduce((a, c) -> {
                    throw new AssertionError("more than one " + type.getSimpleName());
                }).orElseThrow();
    }

    @Test
    void a_signed_radiology_draft_is_a_final_diagnostic_report_with_model_and_signer_in_its_provenance() {
        Bundle b = DraftDocuments.export(draft("radiology-draft", DraftStatus.FINAL), "Findings: lungs clear.");
        assertThat(errors(b)).isEmpty();
        DiagnosticReport r = only(b, DiagnosticReport.class);
        assertThat(r.getStatus()).isEqualTo(DiagnosticReport.DiagnosticReportStatus.FINAL);
        assertThat(r.getCode().getCodingFirstRep().getCode()).isEqualTo("18748-4");
        Provenance p = only(b, Provenance.class);
        assertThat(p.getAgent()).extracting(a -> a.getType().getCodingFirstRep().getCode())
                .containsExactly("author", "verifier");
        String device = b.getEntry().stream().filter(e -> e.getResource() instanceof Device).findFirst()
                .orElseThrow().getFullUrl();
        String practitioner = b.getEntry().stream().filter(e -> e.getResource() instanceof Practitioner).findFirst()
                .orElseThrow().getFullUrl();
        assertThat(p.getAgent().get(0).getWho().getReference()).isEqualTo(device);
        assertThat(p.getAgent().get(1).getWho().getReference()).isEqualTo(practitioner);
        assertThat(only(b, Practitioner.class).getIdentifierFirstRep().getValue()).isEqualTo("key:ab12cd34");
        assertThat(only(b, Device.class).getDeviceNameFirstRep().getName()).isEqualTo("medgemma-27b");
        assertThat(p.getEntity()).hasSize(1);
    }

    @Test
    void an_unsigned_summary_is_a_preliminary_composition_without_a_verifier() {
        Bundle b = DraftDocuments.export(draft("note-summary", DraftStatus.PRELIMINARY),
                "HPI: chest pain <2 h> & sweating.\nPlan: ECG.");
        assertThat(errors(b)).isEmpty();
        Composition c = only(b, Composition.class);
        assertThat(c.getStatus()).isEqualTo(Composition.CompositionStatus.PRELIMINARY);
        assertThat(c.getAttester()).isEmpty();
        assertThat(c.getText().getDivAsString()).contains("&lt;2 h&gt; &amp; sweating");
        assertThat(only(b, Provenance.class).getAgent()).hasSize(1);
        assertThat(b.getEntry()).noneMatch(e -> e.getResource() instanceof Practitioner);
    }

    @Test
    void a_rejected_draft_is_not_exported_and_the_validator_would_catch_a_broken_document() {
        assertThatThrownBy(() -> DraftDocuments.export(draft("note-summary", DraftStatus.REJECTED), "x"))
                .isInstanceOf(ClinigateException.class).hasMessageContaining("CG-6102");
        Bundle b = DraftDocuments.export(draft("note-summary", DraftStatus.FINAL), "text");
        only(b, Composition.class).setStatus(null).setTitle(null);
        assertThat(errors(b)).isNotEmpty();
    }

    @Test
    void the_same_draft_version_exports_the_same_bundle() {
        var parser = FHIR.newJsonParser();
        String a = parser.encodeResourceToString(DraftDocuments.export(draft("ask", DraftStatus.FINAL), "answer"));
        String b = parser.encodeResourceToString(DraftDocuments.export(draft("ask", DraftStatus.FINAL), "answer"));
        assertThat(a).isEqualTo(b);
    }
}
