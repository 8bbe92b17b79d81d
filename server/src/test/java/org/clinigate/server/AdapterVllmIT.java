package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.clinigate.core.registry.Actor;
import org.clinigate.core.registry.EntryKind;
import org.clinigate.core.registry.Governance;
import org.clinigate.core.registry.ModelCard;
import org.clinigate.core.registry.ModelRegistry;
import org.clinigate.core.registry.RiskAssessment;
import org.clinigate.core.registry.Thresholds;
import org.clinigate.inference.openai.OpenAiBackend;
import org.clinigate.inference.openai.OpenAiConfig;
import org.clinigate.inference.testing.FakeOpenAiServer;
import org.clinigate.inference.testing.RecordedRequest;
import org.clinigate.inference.testing.Reply;
import org.junit.jupiter.api.Test;

/** vLLM multi-LoRA: an approved adapter goes upstream as its served model name, the base as the base. */
class AdapterVllmIT {

    @Test
    void an_approved_adapter_is_sent_upstream_by_its_served_name_and_the_selection_stays_inside() throws Exception {
        try (FakeOpenAiServer vllm = FakeOpenAiServer.start();
                OpenAiBackend backend = new OpenAiBackend(OpenAiConfig.of("vllm", vllm.baseUrl(), null,
                        Map.of("medgemma-27b", "google/medgemma-27b-text-it")));
                Gateway gateway = new Gateway(backend, Map.of())) {
            Governance g = new Governance(gateway.store.modelRegistry(), gateway.store.auditLog(),
                    Thresholds.parse(List.of("accuracy=0.6"), List.of()));
            Actor admin = Actor.cli("alice", "test");
            g.register(new ModelRegistry.NewEntry("cardio", EntryKind.ADAPTER, "medgemma-27b", "cardio-lora",
                    new ModelCard("Cardiology", "Adults only", "MedQA"),
                    new RiskAssessment(RiskAssessment.Level.LOW, "Reviewed drafts")), admin);
            vllm.defaultReply(Reply.text("Assistive answer; not a diagnosis."));
            String body = Gateway.chat("Cough.", false, null).replace("test-model", "medgemma-27b:cardio");
            assertThat(gateway.post("/v1/chat/completions", body).statusCode()).isEqualTo(403);
            assertThat(vllm.requestCount()).isZero();

            g.evaluate("cardio", Map.of("accuracy", 0.7), "runs/x/results.json", admin);
            g.approve("cardio", Thresholds.NONE, admin);
            HttpResponse<String> ok = gateway.post("/v1/chat/completions", body);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            RecordedRequest adapter = vllm.requests().getLast();
            assertThat(adapter.body().path("model").asText()).isEqualTo("cardio-lora");
            assertThat(adapter.body().toString()).doesNotContain("clinigate_adapter");

            gateway.post("/v1/chat/completions", body.replace("medgemma-27b:cardio", "medgemma-27b"));
            assertThat(vllm.requests().getLast().body().path("model").asText())
                    .isEqualTo("google/medgemma-27b-text-it");
        }
    }
}
