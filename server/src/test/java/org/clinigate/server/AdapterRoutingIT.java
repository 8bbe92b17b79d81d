package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.clinigate.core.audit.AuditRecord;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.registry.Actor;
import org.clinigate.core.registry.AdapterSelection;
import org.clinigate.core.registry.EntryKind;
import org.clinigate.core.registry.Governance;
import org.clinigate.core.registry.ModelCard;
import org.clinigate.core.registry.ModelRegistry;
import org.clinigate.core.registry.RiskAssessment;
import org.clinigate.core.registry.Thresholds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chat and tasks reach an adapter ({@code BASE:ADAPTER}) only once the registry has it approved; the backend sees
 * the base model plus the selection. Registry steps and refusals land in the audit chain.
 */
class AdapterRoutingIT {

    static ScriptedBackend backend;
    static Gateway gateway;
    static Governance governance;
    static final Actor ADMIN = Actor.cli("alice", "test");

    @BeforeAll
    static void start() {
        backend = new ScriptedBackend();
        gateway = new Gateway(backend, Map.of());
        governance = new Governance(gateway.store.modelRegistry(), gateway.store.auditLog(),
                Thresholds.parse(List.of("accuracy=0.7"), List.of("redteam.over_refusal=0.1")));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static ModelRegistry.NewEntry adapter(String name) {
        return new ModelRegistry.NewEntry(name, EntryKind.ADAPTER, "test-model", "served-" + name,
                new ModelCard("Cardiology note summaries", "Not for children", "MedQA cardiology"),
                new RiskAssessment(RiskAssessment.Level.MEDIUM, "Clinician signs every draft"));
    }

    static HttpResponse<String> chat(String model) throws Exception {
        return gateway.post("/v1/chat/completions", Gateway.chat("Cough for two days.", false, null)
                .replace("test-model", model));
    }

    @Test
    void an_unknown_or_unapproved_adapter_is_refused_and_never_reaches_the_backend() throws Exception {
        int before = backend.received.size();
        HttpResponse<String> unknown = chat("test-model:nobody");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("CG-7101");
        governance.register(adapter("pending"), ADMIN);
        HttpResponse<String> draft = chat("test-model:pending");
        assertThat(draft.statusCode()).isEqualTo(403);
        assertThat(draft.body()).contains("CG-7102").contains("draft");
        governance.evaluate("pending", Map.of("accuracy", 0.9, "redteam.over_refusal", 0.3), "r.json", ADMIN);
        assertThat(chat("test-model:pending").statusCode()).isEqualTo(403);
        HttpResponse<String> stream = gateway.post("/v1/chat/completions",
                Gateway.chat("Cough.", true, null).replace("test-model", "test-model:pending"));
        assertThat(stream.statusCode()).isEqualTo(403);
        HttpResponse<String> task = gateway.post("/v1/tasks/note-summary",
                "{\"model\":\"test-model:pending\",\"text\":\"Cough for two days.\"}");
        assertThat(task.statusCode()).isEqualTo(403);
        assertThat(backend.received).hasSize(before);
        List<AuditRecord> audit = gateway.store.auditLog().read(1, 1000);
        assertThat(audit).anySatisfy(a -> {
            assertThat(a.event().errorCode()).isEqualTo("CG-7102");
            assertThat(a.event().httpStatus()).isEqualTo(403);
        });
    }

    @Test
    void an_approved_adapter_is_routed_for_chat_and_tasks_and_a_retired_one_is_refused_again() throws Exception {
        governance.register(adapter("cardio"), ADMIN);
        governance.evaluate("cardio", Map.of("accuracy", 0.8, "redteam.over_refusal", 0.05), "runs/c/results.json",
                ADMIN);
        governance.approve("cardio", Thresholds.NONE, ADMIN);

        // Listed for clients once approved; the pending adapter of the other test never is.
        assertThat(gateway.get("/v1/models").body()).contains("\"test-model:cardio\"")
                .doesNotContain("test-model:pending");
        HttpResponse<String> ok = chat("test-model:cardio");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        ChatRequest seen = backend.received.getLast();
        assertThat(seen.model()).isEqualTo("test-model");
        assertThat(AdapterSelection.of(seen)).contains(new AdapterSelection("cardio", "served-cardio", 1.0));

        backend.answerWith(TasksIT.summaryJson("[NAME_1]"));
        HttpResponse<String> task = gateway.post("/v1/tasks/note-summary",
                "{\"model\":\"test-model:cardio\",\"text\":\"Pt Orsolya Vendramin has a cough.\"}");
        assertThat(task.statusCode()).as(task.body()).isEqualTo(200);
        assertThat(AdapterSelection.of(backend.received.getLast())).map(AdapterSelection::name).contains("cardio");
        String draftId = Gateway.json(task.body()).get("draft_id").asText();
        assertThat(gateway.store.drafts().get("local", draftId).orElseThrow().model())
                .isEqualTo("test-model:cardio");
        // The input is kept de-identified for fine-tuning (ADR 0019).
        assertThat(gateway.store.draftInputs().get("local", draftId)).hasValueSatisfying(
                input -> assertThat(input).contains("[NAME_1]", "cough").doesNotContain("Orsolya"));

        governance.retire("cardio", ADMIN);
        assertThat(gateway.get("/v1/models").body()).doesNotContain("test-model:cardio");
        assertThat(chat("test-model:cardio").statusCode()).isEqualTo(403);
        assertThat(chat("test-model").statusCode()).isEqualTo(200);
        assertThat(AdapterSelection.of(backend.received.getLast())).isEmpty();

        List<AuditRecord> audit = gateway.store.auditLog().read(1, 1000);
        assertThat(audit).filteredOn(a -> "cardio".equals(a.event().model()))
                .extracting(a -> a.event().task())
                .containsSubsequence("registry.register", "registry.evaluate", "registry.approve", "registry.retire");
        assertThat(audit).anySatisfy(a -> {
            assertThat(a.event().model()).isEqualTo("test-model:cardio");
            assertThat(a.event().task()).isEqualTo("chat");
        });
        assertThat(gateway.store.auditLog().verify().ok()).isTrue();
    }
}
