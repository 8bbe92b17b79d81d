package org.clinigate.knowledge.terminology.labs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Builds a {@link PatientContext} from a FHIR R4 Bundle (JSON) with Jackson alone:
 * <ul>
 * <li>Conditions coded in ICD-10-CM ({@code http://hl7.org/fhir/sid/icd-10-cm}) or SNOMED CT
 * ({@code http://snomed.info/sct}) whose clinical status is active, recurrence or relapse (or absent) and whose
 * verification status is not refuted or entered-in-error; since = onset or recorded date;</li>
 * <li>MedicationRequests and MedicationStatements whose status is active, on-hold or absent (statements: active or
 * absent), with an RxNorm code ({@code http://www.nlm.nih.gov/research/umls/rxnorm}) and name from
 * medicationCodeableConcept or from the Medication their medicationReference names (in the bundle or contained);
 * since = authoredOn or effective start;</li>
 * <li>Observations coded in LOINC ({@code http://loinc.org}) that are not cancelled, entered-in-error or merely
 * registered, dated by effectiveDateTime, effectivePeriod.start, effectiveInstant or issued.</li>
 * </ul>
 * A partial date ({@code 2024} or {@code 2024-05}) counts as its first day. Input that is not JSON, not a Bundle,
 * or an entry with a malformed date fails with CG-5103 naming the entry index and field, never the content. Stateless
 * and thread safe.
 */
public final class FhirBundles {

    /** Bundles larger than this are refused (CG-1006): 64 MiB. */
    public static final long MAX_BYTES = 64L << 20;

    static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String SNOMED = "http://snomed.info/sct";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String LOINC = "http://loinc.org";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ACTIVE_CONDITION = Set.of("active", "recurrence", "relapse");
    private static final Set<String> VOID_VERIFICATION = Set.of("refuted", "entered-in-error");
    private static final Set<String> CURRENT_REQUEST = Set.of("active", "on-hold");
    private static final Set<String> VOID_OBSERVATION = Set.of("cancelled", "entered-in-error", "registered");

    private FhirBundles() {
    }

    /** Reads a Bundle file. */
    public static PatientContext read(Path file, LocalDate asOf) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ClinigateException(ErrorCode.CG_1006, "FHIR Bundle of " + size + " bytes exceeds "
                        + MAX_BYTES);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, asOf);
            }
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1002, "cannot read the FHIR Bundle: " + e.getClass()
                    .getSimpleName(), e);
        }
    }

    /** Reads a Bundle from a stream, which the caller closes. */
    public static PatientContext read(InputStream in, LocalDate asOf) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ClinigateException(ErrorCode.CG_5103, "the FHIR Bundle is not valid JSON (line " + (e
                    .getLocation() == null ? 0 : e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1002, "cannot read the FHIR Bundle: " + e.getClass()
                    .getSimpleName(), e);
        }
        if (root == null || !"Bundle".equals(root.path("resourceType").asText())) {
            throw new ClinigateException(ErrorCode.CG_5103, "the JSON is not a FHIR Bundle");
        }
        return context(root, asOf);
    }

    private static PatientContext context(JsonNode bundle, LocalDate asOf) {
        Map<String, JsonNode> medications = new HashMap<>();
        JsonNode entries = bundle.path("entry");
        for (JsonNode e : entries) {
            JsonNode r = e.path("resource");
            if ("Medication".equals(r.path("resourceType").asText())) {
                medications.put(e.path("fullUrl").asText(""), r);
                medications.put("Medication/" + r.path("id").asText(""), r);
            }
        }
        List<PatientContext.Problem> problems = new ArrayList<>();
        List<PatientContext.Medication> meds = new ArrayList<>();
        List<PatientContext.LabResult> labs = new ArrayList<>();
        int i = 0;
        for (JsonNode e : entries) {
            JsonNode r = e.path("resource");
            switch (r.path("resourceType").asText()) {
                case "Condition" -> condition(r, i, problems);
                case "MedicationRequest" -> medication(r, i, medications, "authoredOn", meds, true);
                case "MedicationStatement" -> medication(r, i, medications, "effectivePeriod", meds, false);
                case "Observation" -> observation(r, i, labs);
                default -> {
                    // other resources do not feed missing-lab rules
                }
            }
            i++;
        }
        return new PatientContext(asOf, problems, meds, labs);
    }

    private static void condition(JsonNode r, int i, List<PatientContext.Problem> out) {
        String clinical = firstCode(r.path("clinicalStatus"));
        if ((!clinical.isEmpty() && !ACTIVE_CONDITION.contains(clinical)) || VOID_VERIFICATION.contains(firstCode(r
                .path("verificationStatus")))) {
            return;
        }
        Optional<LocalDate> since = date(r, i, "onsetDateTime").or(() -> date(r, i, "recordedDate"));
        for (JsonNode c : r.path("code").path("coding")) {
            String system = c.path("system").asText("");
            String code = c.path("code").asText("").strip();
            if (code.isEmpty()) {
                continue;
            }
            if (system.equals(ICD10CM)) {
                out.add(new PatientContext.Problem(PatientContext.ProblemSystem.ICD10CM, code, since));
            } else if (system.equals(SNOMED)) {
                out.add(new PatientContext.Problem(PatientContext.ProblemSystem.SNOMED, code, since));
            }
        }
    }

    private static void medication(JsonNode r, int i, Map<String, JsonNode> medications, String sinceField,
            List<PatientContext.Medication> out, boolean request) {
        String status = r.path("status").asText("");
        if (!status.isEmpty() && !(request ? CURRENT_REQUEST.contains(status) : status.equals("active"))) {
            return;
        }
        JsonNode concept = r.path("medicationCodeableConcept");
        if (concept.isMissingNode()) {
            String ref = r.path("medicationReference").path("reference").asText("");
            JsonNode med = ref.startsWith("#") ? contained(r, ref.substring(1)) : medications.get(ref);
            concept = med == null ? concept : med.path("code");
        }
        Optional<LocalDate> since = sinceField.equals("authoredOn")
                ? date(r, i, "authoredOn")
                : date(r.path(
                        "effectivePeriod"), i, "start").or(() -> date(r, i, "effectiveDateTime"));
        String rxcui = null;
        String name = concept.path("text").asText("");
        for (JsonNode c : concept.path("coding")) {
            if (c.path("system").asText("").equals(RXNORM) && rxcui == null) {
                rxcui = c.path("code").asText("").strip();
                name = name.isEmpty() ? c.path("display").asText("") : name;
            }
        }
        if (rxcui != null && !rxcui.isEmpty() || !name.isBlank()) {
            out.add(new PatientContext.Medication(Optional.ofNullable(rxcui).filter(s -> !s.isEmpty()), name, since));
        }
    }

    private static void observation(JsonNode r, int i, List<PatientContext.LabResult> out) {
        if (VOID_OBSERVATION.contains(r.path("status").asText(""))) {
            return;
        }
        Optional<LocalDate> when = date(r, i, "effectiveDateTime").or(() -> date(r.path("effectivePeriod"), i,
                "start")).or(() -> date(r, i, "effectiveInstant")).or(() -> date(r, i, "issued"));
        if (when.isEmpty()) {
            return;
        }
        for (JsonNode c : r.path("code").path("coding")) {
            if (c.path("system").asText("").equals(LOINC) && !c.path("code").asText("").isBlank()) {
                out.add(new PatientContext.LabResult(c.path("code").asText().strip(), when.get()));
            }
        }
    }

    private static JsonNode contained(JsonNode r, String id) {
        for (JsonNode c : r.path("contained")) {
            if (id.equals(c.path("id").asText())) {
                return c;
            }
        }
        return null;
    }

    private static String firstCode(JsonNode concept) {
        return concept.path("coding").path(0).path("code").asText("");
    }

    /** A FHIR date or dateTime as a day; partial dates count as their first day. */
    private static Optional<LocalDate> date(JsonNode node, int entry, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return Optional.empty();
        }
        String s = v.asText("");
        try {
            if (s.matches("\\d{4}")) {
                return Optional.of(LocalDate.of(Integer.parseInt(s), 1, 1));
            }
            if (s.matches("\\d{4}-\\d{2}")) {
                return Optional.of(LocalDate.parse(s + "-01"));
            }
            if (s.length() >= 10) {
                return Optional.of(LocalDate.parse(s.substring(0, 10)));
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            // reported below
        }
        throw new ClinigateException(ErrorCode.CG_5103, "FHIR Bundle entry " + entry + ": " + field
                + " is not a FHIR date");
    }
}
