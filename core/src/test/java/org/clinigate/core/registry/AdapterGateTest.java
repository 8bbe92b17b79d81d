package org.clinigate.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.clinigate.core.chat.ChatBackend;
import org.clinigate.core.chat.ChatMessage;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ChatSink;
import org.clinigate.core.chat.ChatStream;
import org.clinigate.core.chat.ContentPart;
import org.clinigate.core.chat.FinishReason;
import org.clinigate.core.chat.Role;
import org.clinigate.core.chat.Usage;
import org.clinigate.core.health.Readiness;
import org.clinigate.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

class AdapterGateTest {

    final MemoryRegistry registry = new MemoryRegistry();
    final Governance gov = new Governance(registry, new MemoryAudit(),
            Thresholds.parse(List.of("accuracy=0.7"), List.of()));
    final Actor admin = Actor.cli("alice", "test");
    final List<ChatRequest> received = new CopyOnWriteArrayList<>();
    final AdapterGate gate = new AdapterGate(new ChatBackend() {
        public String name() {
            return "rec";
        }

        public Set<String> models() {
            return Set.of("medgemma-4b");
        }

        public ChatResponse complete(ChatRequest r) {
            received.add(r);
            return new ChatResponse("1", r.model(), "ok", FinishReason.STOP, new Usage(1, 1));
        }

        public ChatStream stream(ChatRequest r, ChatSink s) {
            throw new UnsupportedOperationException();
        }

        public Readiness readiness() {
            return Readiness.ready("ok");
        }
    }, registry);

    static ChatRequest request(String model) {
        return new ChatRequest(model, List.of(new ChatMessage(Role.USER, List.of(new ContentPart.Text("hi")))),
                null, null, null, List.of(), null, null, Map.of("top_k", 5));
    }

    @Test
    void an_approved_adapter_reaches_the_backend_as_its_base_model_with_a_selection() {
        gov.register(GovernanceTest.adapter("cardio"), admin);
        gov.evaluate("cardio", Map.of("accuracy", 0.9), "r.json", admin);
        gov.approve("cardio", Thresholds.NONE, admin);
        gate.complete(request("medgemma-4b:cardio"));
        ChatRequest got = received.getFirst();
        assertThat(got.model()).isEqualTo("medgemma-4b");
        assertThat(AdapterSelection.of(got)).contains(new AdapterSelection("cardio", "/models/cardio.gguf", 1.0));
        assertThat(AdapterSelection.forwardable(got)).containsOnlyKeys("top_k");
    }

    @Test
    void unknown_unapproved_retired_and_foreign_adapters_are_refused_before_the_backend() {
        assertThatThrownBy(() -> gate.complete(request("medgemma-4b:nope")))
                .satisfies(t -> assertThat(GovernanceTest.code(t)).isEqualTo(ErrorCode.CG_7101));
        gov.register(GovernanceTest.adapter("cardio"), admin);
        assertThatThrownBy(() -> gate.complete(request("medgemma-4b:cardio")))
                .satisfies(t -> assertThat(GovernanceTest.code(t)).isEqualTo(ErrorCode.CG_7102))
                .hasMessageContaining("draft");
        gov.evaluate("cardio", Map.of("accuracy", 0.9), "r.json", admin);
        assertThatThrownBy(() -> gate.complete(request("medgemma-4b:cardio")))
                .satisfies(t -> assertThat(GovernanceTest.code(t)).isEqualTo(ErrorCode.CG_7102));
        gov.approve("cardio", Thresholds.NONE, admin);
        assertThatThrownBy(() -> gate.complete(request("medgemma-27b:cardio")))
                .satisfies(t -> assertThat(GovernanceTest.code(t)).isEqualTo(ErrorCode.CG_7102));
        gov.retire("cardio", admin);
        assertThatThrownBy(() -> gate.complete(request("medgemma-4b:cardio")))
                .satisfies(t -> assertThat(GovernanceTest.code(t)).isEqualTo(ErrorCode.CG_7102))
                .hasMessageContaining("retired");
        assertThat(received).isEmpty();
    }

    @Test
    void a_refusal_never_echoes_the_clients_model_text() {
        assertThatThrownBy(() -> gate.complete(request("medgemma-4b:Zebulon-Quartermaine")))
                .hasMessageNotContaining("Zebulon").hasMessageNotContaining("medgemma-4b:");
        assertThatThrownBy(() -> gate.complete(request("medgemma-4b:John Smith, MRN 123")))
                .satisfies(t -> assertThat(GovernanceTest.code(t)).isEqualTo(ErrorCode.CG_7101))
                .hasMessageNotContaining("Smith");
    }

    @Test
    void a_plain_model_passes_unchanged_and_a_smuggled_selection_is_removed() {
        gate.complete(request("medgemma-4b"));
        ChatRequest smuggled = new ChatRequest("medgemma-4b", request("x").messages(), null, null, null, List.of(),
                null, null, Map.of(AdapterSelection.EXTRA, Map.of("name", "x", "location", "y", "scale", 1)));
        gate.complete(smuggled);
        assertThat(received.get(0)).isEqualTo(request("medgemma-4b"));
        assertThat(AdapterSelection.of(received.get(1))).isEmpty();
    }
}
