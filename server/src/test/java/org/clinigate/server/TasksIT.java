package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.clinigate.core.drafts.Draft;
import org.clinigate.core.drafts.DraftStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The clinical tasks on a scripted loopback backend: each ends as a preliminary draft, de-identified at rest. */
class TasksIT {

    static ScriptedBackend backend;
    static Gateway gateway;

    @BeforeAll
    static void start() {
        backend = new ScriptedBackend();
        gateway = new Gateway(backend, Map.of());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static String summaryJson(String name) {
        return "{\"hpi\":\"" + name + " reports two days of cough.\",\"medications\":[\"amoxicillin 500 mg PO three "
                + "times daily\"],\"allergies\":[\"NKDA\"],\"labs\":[\"CRP 48 mg/L\"],\"assessment\":\"Likely "
                + "community-acquired pneumonia. This draft is assistive and not a diagnosis; a clinician must review "
                + "it.\",\"plan\":[\"Chest X-ray\",\"Review in 48 hours\"]}";
    }

    @Test
    void a_note_summary_becomes_a_sectioned_preliminary_draft() throws Exception {
        // The scripted model answers with the summary, using the pseudonym it was given.
        backend.answerWith(summaryJson("[NAME_1]"));
        var r = gateway.post("/v1/tasks/note-summary", "{\"model\":\"test-model\",\"text\":\"Pt Orsolya Vendramin, "
                + "cough x2 days, CRP 48. On amoxicillin 500 mg TDS. NKDA.\",\"clinigate\":{\"patient_id\":\"p-77\"}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode out = Gateway.json(r.body());
        assertThat(out.path("status").asText()).isEqualTo("preliminary");
        assertThat(out.path("sections").path("hpi").asText()).contains("Orsolya Vendramin");
        assertThat(out.path("sections").path("plan").size()).isEqualTo(2);
        assertThat(backend.everythingReceived()).doesNotContain("Vendramin");
        Draft d = gateway.store.drafts().get("local", out.path("draft_id").asText()).orElseThrow();
        assertThat(d.status()).isEqualTo(DraftStatus.PRELIMINARY);
        assertThat(d.text()).startsWith("HPI:\n[NAME_1] reports").contains("Medications:\n- amoxicillin")
                .doesNotContain("Vendramin");
        assertThat(d.promptVersion()).isEqualTo("v1");
    }

    @Test
    void with_an_icd_release_configured_problems_are_coded_and_missing_guideline_labs_flagged(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path order = dir.resolve("icd10cm_order_2026.txt");
        String[][] codes = {{"E11", "0", "Type 2 diabetes mellitus"},
                {"E119", "1", "Type 2 diabetes mellitus without complications"},
                {"I10", "1", "Essential (primary) hypertension"}, {"J189", "1", "Pneumonia, unspecified organism"}};
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < codes.length; i++) {
            file.append(String.format("%05d %-7s %s %-60s %s%n", i + 1, codes[i][0], codes[i][1], codes[i][2],
                    codes[i][2]));
        }
        java.nio.file.Files.writeString(order, file);
        ScriptedBackend scripted = new ScriptedBackend();
        try (Gateway g = new Gateway(scripted, Map.of("CLINIGATE_TERMINOLOGY_FILES", order.toString()))) {
            scripted.answerWith("{\"hpi\":\"Follow-up.\",\"problems\":[\"DM2\",\"HTN\"],\"medications\":[],"
                    + "\"allergies\":[],\"labs\":[\"Creatinine 88\"],\"assessment\":\"Stable. This draft is "
                    + "assistive and not a diagnosis; a clinician must review it.\",\"plan\":[\"Review\"]}");
            var r = g.post("/v1/tasks/note-summary", "{\"model\":\"test-model\",\"text\":\"DM2, HTN. Cr 88.\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode out = Gateway.json(r.body());
            assertThat(out.path("codes").get(0).path("candidates").get(0).path("code").asText()).isEqualTo("E11.9");
            assertThat(out.path("codes").get(1).path("candidates").get(0).path("code").asText()).isEqualTo("I10");
            assertThat(out.path("missing_labs").toString()).containsIgnoringCase("hba1c");
            Draft d = g.store.drafts().get("local", out.path("draft_id").asText()).orElseThrow();
            assertThat(d.flags()).anyMatch(f -> f.startsWith("labs.missing."));
        }
        // Without a release the summary still works and says why nothing was coded.
        backend.answerWith(summaryJson("[NAME_1]"));
        var plain = gateway.post("/v1/tasks/note-summary", "{\"model\":\"test-model\",\"text\":\"cough\"}");
        assertThat(Gateway.json(plain.body()).path("coding").asText()).contains("terminology.files");
    }

    @Test
    void a_summary_that_breaks_the_schema_is_a_502_and_no_draft() throws Exception {
        backend.answerWith("{\"hpi\":\"cough\",\"plan\":\"not a list\"}");
        int before = gateway.store.drafts().list("local", null, 1000).size();
        var r = gateway.post("/v1/tasks/note-summary", "{\"model\":\"test-model\",\"text\":\"cough\"}");
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.body()).contains("CG-2103");
        assertThat(gateway.store.drafts().list("local", null, 1000)).hasSize(before);
    }

    @Test
    void ask_answers_from_the_starter_guidelines_and_checks_the_citations() throws Exception {
        backend.answerWith("The usual target INR is 2.5 with a range of 2.0 to 3.0 [1]. The CASCADE-9 trial showed "
                + "otherwise [7]. This answer is assistive and not a diagnosis; a clinician must review it.");
        var r = gateway.post("/v1/tasks/ask",
                "{\"model\":\"test-model\",\"question\":\"What INR range is the target for warfarin in atrial "
                        + "fibrillation?\",\"k\":3}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode out = Gateway.json(r.body());
        assertThat(out.path("sources").size()).isEqualTo(3);
        assertThat(out.path("sources").toString()).containsIgnoringCase("warfarin");
        assertThat(out.path("citations").path("ok").asBoolean()).isFalse();
        assertThat(out.path("citations").path("problems").toString()).contains("UnknownSource");
        Draft d = gateway.store.drafts().get("local", out.path("draft_id").asText()).orElseThrow();
        assertThat(d.sources()).hasSize(3);
        assertThat(d.flags()).anyMatch(f -> f.startsWith("citation."));
        assertThat(backend.everythingReceived()).contains("[1]").containsIgnoringCase("INR");
    }

    static String image(byte[] bytes, String type) {
        return "{\"type\":\"" + type + "\",\"data\":\"" + java.util.Base64.getEncoder().encodeToString(bytes) + "\"}";
    }

    @Test
    void a_radiology_draft_sends_only_re_encoded_pixels_and_refuses_burned_in_annotations() throws Exception {
        byte[] film = org.clinigate.server.imaging.DicomWriterAccess.chest(32, 24, "NO", "Quarrisford^Wendeline",
                "MRN55512");
        backend.answerWith("{\"findings\":\"Lungs are clear. No effusion.\",\"impression\":\"No acute "
                + "cardiopulmonary process. This is not a diagnostic report. A radiologist must review the images.\","
                + "\"recommendations\":\"None.\",\"comparison\":\"No prior study.\"}");
        var r = gateway.post("/v1/tasks/radiology-draft", "{\"model\":\"test-model\",\"indication\":\"Cough, "
                + "fever. Rule out pneumonia.\",\"images\":[" + image(film, "dicom") + "]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode out = Gateway.json(r.body());
        assertThat(out.path("report").path("impression").asText()).contains("No acute");
        var sent = backend.received.get(backend.received.size() - 1);
        var parts = sent.messages().get(1).parts();
        assertThat(parts).hasSize(2);
        assertThat(((org.clinigate.core.chat.ContentPart.Text) parts.get(0)).text()).contains("Modality=CR")
                .contains("Body Part Examined=CHEST");
        assertThat(parts.get(1)).isInstanceOf(org.clinigate.core.chat.ContentPart.ImageUrl.class);
        String everything = ((org.clinigate.core.chat.ContentPart.Text) parts.get(0)).text() + parts.stream()
                .filter(p -> p instanceof org.clinigate.core.chat.ContentPart.ImageUrl)
                .map(p -> new String(
                        java.util.Base64.getDecoder().decode(((org.clinigate.core.chat.ContentPart.ImageUrl) p)
                                .url().substring("data:image/png;base64,".length())),
                        java.nio.charset.StandardCharsets.ISO_8859_1))
                .reduce("", String::concat);
        assertThat(everything).doesNotContain("Quarrisford").doesNotContain("MRN55512");
        Draft d = gateway.store.drafts().get("local", out.path("draft_id").asText()).orElseThrow();
        assertThat(d.task()).isEqualTo("radiology-draft");
        assertThat(d.text()).startsWith("Findings:").contains("Recommendations:\nNone.");
        assertThat(d.promptVersion()).isEqualTo("v2");
        assertThat(out.path("prompt_version").asText()).isEqualTo("v2");

        byte[] burned = org.clinigate.server.imaging.DicomWriterAccess.chest(16, 16, "YES", "A^B", "C");
        var refused = gateway.post("/v1/tasks/radiology-draft", "{\"model\":\"test-model\",\"indication\":\"x\","
                + "\"images\":[" + image(burned, "dicom") + "]}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Burned In Annotation");
        var corrupt = gateway.post("/v1/tasks/radiology-draft", "{\"model\":\"test-model\",\"indication\":\"x\","
                + "\"images\":[{\"type\":\"png\",\"data\":\"bm90IGFuIGltYWdl\"}]}");
        assertThat(corrupt.statusCode()).isEqualTo(400);
    }

    @Test
    void an_unknown_task_and_a_missing_field_are_clear_errors() throws Exception {
        assertThat(gateway.post("/v1/tasks/prescribe", "{\"model\":\"test-model\"}").statusCode()).isEqualTo(404);
        assertThat(gateway.post("/v1/tasks/note-summary", "{\"model\":\"test-model\"}").body()).contains("CG-2001")
                .contains("text is required");
    }
}
