package org.clinigate.fhir.drafts;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;
import org.clinigate.core.drafts.Draft;
import org.clinigate.core.drafts.DraftStatus;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A reviewed draft as FHIR R4: a {@code DiagnosticReport} for a radiology draft, a {@code Composition} for any
 * other task, each with a {@code Provenance} that names the model as a Device agent (author) and, once signed, the
 * reviewer as a Practitioner agent (verifier). Status {@code final} only for a signed draft, {@code preliminary}
 * otherwise; a rejected draft is not exported ({@code CG-6102}).
 *
 * <p>The caller passes the text to export: the draft's text re-linked through the vault for the EHR, or the
 * de-identified text for research. The resources go into one {@code collection} Bundle with {@code urn:uuid} full
 * URLs. Stateless and thread safe.
 */
public final class DraftDocuments {

    static final String LOINC = "http://loinc.org";
    static final String PROVENANCE_PARTICIPANT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    /** Identifier system of Clinigate drafts: the value is the draft's id. */
    public static final String DRAFT_SYSTEM = "urn:clinigate:draft";
    /** Prefix of the identifier system of reviewers: the tenant follows, the value is the principal. */
    public static final String REVIEWER_SYSTEM_PREFIX = "urn:clinigate:tenant:";

    private DraftDocuments() {
    }

    /** The Bundle of one draft with {@code text} as its content. */
    public static Bundle export(Draft draft, String text) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(text, "text");
        if (draft.status() == DraftStatus.REJECTED) {
            throw new ClinigateException(ErrorCode.CG_6102, "a rejected draft is not exported");
        }
        boolean signed = draft.status() == DraftStatus.FINAL;
        Date when = Date.from(signed && draft.reviewed() != null ? draft.reviewed() : draft.created());
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setIdentifier(new Identifier().setSystem(DRAFT_SYSTEM).setValue(draft.id() + "/v" + draft.version()));

        Device model = new Device();
        model.addDeviceName().setName(draft.model() == null ? "unknown model" : draft.model())
                .setType(org.hl7.fhir.r4.model.Device.DeviceNameType.MODELNAME);
        if (draft.promptVersion() != null) {
            model.addVersion().setValue("prompt " + draft.promptVersion());
        }
        String modelUrl = add(bundle, model, "device:" + draft.model());

        Practitioner signer = null;
        String signerUrl = null;
        if (signed) {
            signer = new Practitioner();
            signer.addIdentifier().setSystem(REVIEWER_SYSTEM_PREFIX + draft.tenant()).setValue(draft.reviewer());
            signerUrl = add(bundle, signer, "practitioner:" + draft.tenant() + ":" + draft.reviewer());
        }

        Resource document = "radiology-draft".equals(draft.task())
                ? report(draft, text, signed, when, signerUrl)
                : composition(draft, text, signed, when, modelUrl, signerUrl);
        String documentUrl = add(bundle, document, "draft:" + draft.id() + ":" + draft.version());

        Provenance provenance = new Provenance();
        provenance.addTarget(new Reference(documentUrl));
        provenance.setRecorded(when);
        provenance.addAgent().setType(concept(PROVENANCE_PARTICIPANT, "author", "Author"))
                .setWho(new Reference(modelUrl).setDisplay(draft.model()));
        if (signed) {
            provenance.addAgent().setType(concept(PROVENANCE_PARTICIPANT, "verifier", "Verifier"))
                    .setWho(new Reference(signerUrl));
        }
        for (String source : draft.sources()) {
            provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
                    .setWhat(new Reference().setIdentifier(
                            new Identifier().setSystem("urn:clinigate:passage").setValue(source)));
        }
        add(bundle, provenance, "provenance:" + draft.id() + ":" + draft.version());
        return bundle;
    }

    private static Composition composition(Draft draft, String text, boolean signed, Date when, String modelUrl,
            String signerUrl) {
        Composition c = new Composition();
        c.setIdentifier(new Identifier().setSystem(DRAFT_SYSTEM).setValue(draft.id()));
        c.setStatus(signed ? Composition.CompositionStatus.FINAL : Composition.CompositionStatus.PRELIMINARY);
        // LOINC 11506-3 Progress note; a summary of a note is one
        c.setType(concept(LOINC, "11506-3", "Progress note"));
        c.setDate(when);
        c.addAuthor(new Reference(modelUrl));
        c.setTitle(title(draft));
        c.setText(narrative(text));
        c.addSection().setTitle(title(draft)).setText(narrative(text));
        if (signed) {
            c.addAttester().setMode(Composition.CompositionAttestationMode.LEGAL).setTime(when)
                    .setParty(new Reference(signerUrl));
        }
        return c;
    }

    private static DiagnosticReport report(Draft draft, String text, boolean signed, Date when, String signerUrl) {
        DiagnosticReport r = new DiagnosticReport();
        r.addIdentifier().setSystem(DRAFT_SYSTEM).setValue(draft.id());
        r.setStatus(signed
                ? DiagnosticReport.DiagnosticReportStatus.FINAL
                : DiagnosticReport.DiagnosticReportStatus.PRELIMINARY);
        r.addCategory(concept("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD", "Radiology"));
        // LOINC 18748-4 Diagnostic imaging study
        r.setCode(concept(LOINC, "18748-4", "Diagnostic imaging study"));
        r.setIssued(when);
        // R4 does not allow a Device as performer: the model appears as the Provenance's author agent.
        if (signed) {
            r.addResultsInterpreter(new Reference(signerUrl));
        }
        r.setText(narrative(text));
        r.setConclusion(text);
        return r;
    }

    private static String title(Draft draft) {
        return switch (draft.task()) {
            case "note-summary" -> "Note summary";
            case "ask" -> "Answer to a clinical question";
            default -> "Draft: " + draft.task();
        };
    }

    /** The text as generated XHTML: escaped, line breaks kept. */
    static Narrative narrative(String text) {
        StringBuilder sb = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
        for (String line : text.split("\n", -1)) {
            sb.append("<p>").append(escape(line)).append("</p>");
        }
        sb.append("</div>");
        Narrative n = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
        n.setDivAsString(sb.toString());
        return n;
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String add(Bundle bundle, Resource resource, String stableName) {
        String url = "urn:uuid:" + UUID.nameUUIDFromBytes(stableName.getBytes(StandardCharsets.UTF_8));
        bundle.addEntry().setFullUrl(url).setResource(resource);
        return url;
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display));
    }
}
