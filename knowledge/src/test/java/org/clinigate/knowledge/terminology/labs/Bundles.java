package org.clinigate.knowledge.terminology.labs;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small FHIR R4 Bundles written for the tests, built entry by entry. */
final class Bundles {

    private final List<String> entries = new ArrayList<>();

    static Bundles bundle() {
        return new Bundles();
    }

    Bundles condition(String system, String code, String clinicalStatus, String onset) {
        String status = clinicalStatus == null ? "" : """
                "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                  "code": "%s"}]},""".formatted(clinicalStatus);
        entries.add("""
                {"resource": {"resourceType": "Condition", %s
                  "code": {"coding": [{"system": "%s", "code": "%s"}]},
                  "onsetDateTime": "%s"}}""".formatted(status, system, code, onset));
        return this;
    }

    Bundles icd(String code, String onset) {
        return condition(FhirBundles.ICD10CM, code, "active", onset);
    }

    Bundles medication(String rxcui, String display, String status, String authoredOn) {
        entries.add("""
                {"resource": {"resourceType": "MedicationRequest", "status": "%s", "intent": "order",
                  "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                    "code": "%s", "display": "%s"}]},
                  "authoredOn": "%s"}}""".formatted(status, rxcui, display, authoredOn));
        return this;
    }

    Bundles lab(String loinc, String when) {
        entries.add("""
                {"resource": {"resourceType": "Observation", "status": "final",
                  "code": {"coding": [{"system": "http://loinc.org", "code": "%s"}]},
                  "effectiveDateTime": "%s", "valueQuantity": {"value": 7.1}}}""".formatted(loinc, when));
        return this;
    }

    Bundles raw(String entryJson) {
        entries.add(entryJson);
        return this;
    }

    String json() {
        return "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [" + String.join(",", entries)
                + "]}";
    }

    PatientContext read(LocalDate asOf) {
        return FhirBundles.read(new ByteArrayInputStream(json().getBytes(StandardCharsets.UTF_8)), asOf);
    }
}
