package org.clinigate.fhir.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditOutcome;
import org.clinigate.core.audit.AuditRecord;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BalpAuditEventsTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static FhirValidator validator;
    private final BalpAuditEvents mapper = new BalpAuditEvents("clinigate@test", "10.0.0.7");

    @BeforeAll
    static void validator() {
        var support = new ValidationSupportChain(FHIR.getValidationSupport(),
                new InMemoryTerminologyServerValidationSupport(FHIR), new CommonCodeSystemsTerminologyService(FHIR));
        var instanceValidator = new FhirInstanceValidator(support);
        instanceValidator.setNoTerminologyChecks(false);
        validator = FHIR.newValidator().registerValidatorModule(instanceValidator);
    }

    static AuditEvent chat(AuditOutcome outcome, int status, String code) {
        return AuditEvent.builder().who("ward-7", "key:ab12cd34", "clinician").endpoint("POST /v1/chat/completions")
                .model("medgemma-4b").outcome(outcome, status, code).tokens(120, 45).latencyMicros(84_000)
                .railFlags(List.of("disclaimer-added")).prompt("Pt [PATIENT_1] has chest pain")
                .response("Consider ECG").build();
    }

    private AuditRecord record(AuditEvent event) {
        var log = new ListAuditLog();
        return log.append(event);
    }

    @Test
    void allowedChatIsABalpCreateThatValidatesAgainstR4() {
        var fhir = mapper.toFhir(record(chat(AuditOutcome.ALLOWED, 200, null)));

        assertThat(errors(validate(fhir))).isEmpty();
        assertThat(fhir.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly(BalpAuditEvents.PROFILE_CREATE);
        assertThat(fhir.getType().getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/audit-event-type");
        assertThat(fhir.getType().getCode()).isEqualTo("rest");
        assertThat(fhir.getSubtype()).extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("http://hl7.org/fhir/restful-interaction",
                        "create"));
        assertThat(fhir.getAction().toCode()).isEqualTo("C");
        assertThat(fhir.getOutcome().toCode()).isEqualTo("0");
        // BALP: exactly one client (110153) and one server (110152) agent; the server has a network address.
        assertThat(agents(fhir, "110153")).hasSize(1);
        AuditEventAgentComponent server = agents(fhir, "110152").get(0);
        assertThat(server.getNetwork().getAddress()).isEqualTo("10.0.0.7");
        assertThat(server.getNetwork().getType().toCode()).isEqualTo("2");
        var user = fhir.getAgent().stream().filter(AuditEventAgentComponent::getRequestor).toList();
        assertThat(user).hasSize(1);
        assertThat(user.get(0).getWho().getIdentifier().getSystem()).isEqualTo("urn:clinigate:tenant:ward-7");
        assertThat(user.get(0).getWho().getIdentifier().getValue()).isEqualTo("key:ab12cd34");
        assertThat(user.get(0).getRoleFirstRep().getCodingFirstRep().getCode()).isEqualTo("clinician");
        assertThat(fhir.getSource().getTypeFirstRep().getCode()).isEqualTo("4");
        var entity = fhir.getEntityFirstRep();
        assertThat(entity.getWhat().getIdentifier().getValue()).isEqualTo("1");
        assertThat(entity.getDetail()).extracting(d -> d.getType())
                .contains("promptSha256", "responseSha256", "chainHash", "chainPreviousHash", "model", "railFlags");
    }

    @Test
    void getIsASearchAndFailuresCarryTheirOutcomeWithoutClaimingTheSuccessProfiles() {
        var models = AuditEvent.builder().who("ward-7", "key:ab12cd34", "researcher").endpoint("GET /v1/models")
                .build();
        var query = mapper.toFhir(record(models));
        assertThat(query.getAction().toCode()).isEqualTo("E");
        assertThat(query.getSubtypeFirstRep().getCode()).isEqualTo("search");
        assertThat(query.getMeta().getProfile().get(0).getValue()).isEqualTo(BalpAuditEvents.PROFILE_QUERY);
        assertThat(errors(validate(query))).isEmpty();

        var denied = mapper.toFhir(record(chat(AuditOutcome.DENIED, 403, "CG-3002")));
        assertThat(denied.getOutcome().toCode()).isEqualTo("4");
        assertThat(denied.getOutcomeDesc()).isEqualTo("denied, HTTP 403, CG-3002");
        assertThat(denied.getMeta().getProfile()).isEmpty();
        assertThat(errors(validate(denied))).isEmpty();

        var error = mapper.toFhir(record(chat(AuditOutcome.ERROR, 502, "CG-2101")));
        assertThat(error.getOutcome().toCode()).isEqualTo("8");
        assertThat(errors(validate(error))).isEmpty();
    }

    @Test
    void theValidatorItselfRejectsABrokenResource() {
        // Guards the test above: a validator that accepts anything would prove nothing.
        var fhir = mapper.toFhir(record(chat(AuditOutcome.ALLOWED, 200, null)));
        fhir.setType(null);
        fhir.setRecorded(null);
        assertThat(errors(validate(fhir))).isNotEmpty();
    }

    @Test
    void promptAndAnswerTextAreNeverExportedOnlyTheirDigests() {
        String canary = "CANARY-7f3e9a Zebulon Quarrington";
        var event = AuditEvent.builder().who("ward-7", "key:ab12cd34", "clinician")
                .endpoint("POST /v1/chat/completions")
                .prompt(canary).response(canary + " answer").build();
        String json = FHIR.newJsonParser().encodeResourceToString(mapper.toFhir(record(event)));
        assertThat(json).doesNotContain("CANARY").doesNotContain("Zebulon").contains(AuditEvent.digest(canary));
    }

    @Test
    void hostNamesAndIpv6AreTypedAsSuch() {
        assertThat(BalpAuditEvents.networkType("gateway.ward7.example.org").toCode()).isEqualTo("1");
        assertThat(BalpAuditEvents.networkType("2001:db8::7").toCode()).isEqualTo("2");
        assertThat(BalpAuditEvents.networkType("192.168.1.4").toCode()).isEqualTo("2");
    }

    private static List<AuditEventAgentComponent> agents(org.hl7.fhir.r4.model.AuditEvent fhir, String code) {
        return fhir.getAgent().stream().filter(a -> a.getType().getCodingFirstRep().getCode().equals(code)).toList();
    }

    /**
     * Validates against base FHIR R4. The BALP package (ihe.iti.balp) is not on Maven Central, so the validator
     * cannot load its profiles: the claim is removed from a copy before validation, and the tests above check the
     * BALP rules (fixed codes, agent slices, network) one by one.
     */
    private static ValidationResult validate(org.hl7.fhir.r4.model.AuditEvent fhir) {
        var copy = fhir.copy();
        copy.getMeta().getProfile().clear();
        return validator.validateWithResult(copy);
    }

    private static List<String> errors(ValidationResult result) {
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(SingleValidationMessage::toString).toList();
    }
}
