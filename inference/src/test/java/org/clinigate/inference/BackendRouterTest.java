package org.clinigate.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.inference.llama.LlamaBackend;
import org.clinigate.inference.llama.LlamaConfig;
import org.clinigate.inference.openai.OpenAiBackend;
import org.clinigate.inference.openai.OpenAiConfig;
import org.clinigate.inference.testing.FakeOpenAiServer;
import org.clinigate.inference.testing.RecordingSink;
import org.clinigate.inference.testing.Reply;
import org.junit.jupiter.api.Test;

class BackendRouterTest {

    @Test
    void routes_each_model_to_its_backend_and_refuses_unknown_models_without_echoing_them() {
        try (FakeOpenAiServer big = FakeOpenAiServer.start();
                FakeOpenAiServer small = FakeOpenAiServer.start();
                OpenAiBackend vllm = new OpenAiBackend(OpenAiConfig.of("vllm", big.baseUrl(), null,
                        Map.of("medgemma-27b", "google/medgemma-27b-text-it")));
                OpenAiBackend ollama = new OpenAiBackend(OpenAiConfig.of("ollama", small.baseUrl(), null,
                        Map.of("medgemma-4b", "medgemma:4b")))) {
            big.defaultReply(Reply.text("from 27b"));
            small.defaultReply(Reply.text("from 4b"));
            BackendRouter router = new BackendRouter(List.of(vllm, ollama));
            assertThat(router.complete(ChatRequest.builder("medgemma-27b").user("x").build()).content())
                    .isEqualTo("from 27b");
            assertThat(router.stream(ChatRequest.builder("medgemma-4b").user("x").build(), new RecordingSink())
                    .await().content()).isEqualTo("from 4b");
            assertThat(router.models()).containsExactly("medgemma-27b", "medgemma-4b");
            assertThatThrownBy(() -> router.complete(ChatRequest.builder("Zxqwerty-model").user("x").build()))
                    .isInstanceOf(ClinigateException.class)
                    .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_2002))
                    .hasMessageContaining("medgemma-27b, medgemma-4b").hasMessageNotContaining("Zxqwerty");
        }
    }

    @Test
    void two_backends_claiming_one_model_name_is_a_configuration_error() {
        try (FakeOpenAiServer s = FakeOpenAiServer.start();
                OpenAiBackend a = new OpenAiBackend(OpenAiConfig.of("a", s.baseUrl(), null, Map.of("m", "m")));
                OpenAiBackend b = new OpenAiBackend(OpenAiConfig.of("b", s.baseUrl(), null, Map.of("m", "m")))) {
            assertThatThrownBy(() -> new BackendRouter(List.of(a, b))).isInstanceOf(ClinigateException.class)
                    .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_1001));
        }
    }

    @Test
    void readiness_is_ready_only_when_every_backend_is_and_lists_what_is_missing() {
        try (FakeOpenAiServer s = FakeOpenAiServer.start();
                OpenAiBackend remote = new OpenAiBackend(OpenAiConfig.of("vllm", s.baseUrl(), null,
                        Map.of("medgemma-27b", "x")))) {
            LlamaBackend local = new LlamaBackend(LlamaConfig.defaults("local", null, Set.of("medgemma-4b")));
            BackendRouter router = new BackendRouter(List.of(remote, local));
            assertThat(router.readiness().ready()).isFalse();
            assertThat(router.readiness().detail()).contains("backend vllm").contains("backends.local.model-path");
            assertThat(new BackendRouter(List.of(remote)).readiness().ready()).isTrue();
            assertThat(new BackendRouter(List.of()).readiness().ready()).isFalse();
        }
    }
}
