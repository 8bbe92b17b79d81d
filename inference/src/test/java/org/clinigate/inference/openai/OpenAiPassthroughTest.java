package org.clinigate.inference.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.clinigate.core.chat.ChatMessage;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ContentPart;
import org.clinigate.core.chat.FinishReason;
import org.clinigate.core.chat.ResponseFormat;
import org.clinigate.core.chat.Role;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.inference.testing.FakeOpenAiServer;
import org.clinigate.inference.testing.RecordedRequest;
import org.clinigate.inference.testing.RecordingSink;
import org.clinigate.inference.testing.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the backend sends: standard fields, images, schemas, the upstream model name and the key. */
class OpenAiPassthroughTest {

    private FakeOpenAiServer server;
    private OpenAiBackend backend;

    @BeforeEach
    void start() {
        server = FakeOpenAiServer.start();
        backend = new OpenAiBackend(OpenAiConfig.of("vllm", server.baseUrl(), "sk-test",
                Map.of("medgemma-4b", "google/medgemma-4b-it")));
    }

    @AfterEach
    void stop() {
        backend.close();
        server.close();
    }

    @Test
    void standard_fields_pass_through_under_the_upstream_model_name() {
        ChatRequest r = ChatRequest.builder("medgemma-4b").system("Be brief.").user("Dose?").temperature(0.2)
                .topP(0.9).maxTokens(64).stop(List.of("\n\n")).seed(42L).extra("presence_penalty", 0.5)
                .extra("logit_bias", Map.of("50256", -100)).build();
        server.enqueue(Reply.text("Ten milligrams."));
        ChatResponse resp = backend.complete(r);
        JsonNode sent = server.requests().getFirst().body();
        assertThat(sent.path("model").asText()).isEqualTo("google/medgemma-4b-it");
        assertThat(sent.path("stream").asBoolean()).isFalse();
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(sent.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(sent.path("stop").path(0).asText()).isEqualTo("\n\n");
        assertThat(sent.path("seed").asLong()).isEqualTo(42);
        assertThat(sent.path("presence_penalty").asDouble()).isEqualTo(0.5);
        assertThat(sent.path("logit_bias").path("50256").asInt()).isEqualTo(-100);
        assertThat(sent.path("messages").path(0).path("role").asText()).isEqualTo("system");
        assertThat(sent.path("messages").path(1).path("content").asText()).isEqualTo("Dose?");
        assertThat(sent.has("response_format")).isFalse();
        assertThat(resp.content()).isEqualTo("Ten milligrams.");
        assertThat(resp.model()).isEqualTo("medgemma-4b");
        assertThat(resp.usage().promptTokens()).isEqualTo(7);
        assertThat(resp.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void api_key_and_content_negotiation_headers_are_sent() {
        backend.complete(ChatRequest.builder("medgemma-4b").user("hi").build());
        RecordedRequest sent = server.requests().getFirst();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.headers()).containsEntry("authorization", "Bearer sk-test")
                .containsEntry("content-type", "application/json").containsEntry("accept", "application/json");
    }

    @Test
    void image_parts_and_json_schemas_use_the_openai_shapes() {
        ChatMessage m = new ChatMessage(Role.USER, List.of(new ContentPart.Text("Describe."),
                new ContentPart.ImageUrl("data:image/png;base64,iVBORw0KGgo=", "high")));
        String schema = "{\"type\":\"object\",\"properties\":{\"finding\":{\"type\":\"string\"}}}";
        backend.complete(ChatRequest.builder("medgemma-4b").message(m)
                .responseFormat(new ResponseFormat.JsonSchema("radiology", schema, true)).build());
        JsonNode sent = server.requests().getFirst().body();
        JsonNode content = sent.path("messages").path(0).path("content");
        assertThat(content.path(0).path("type").asText()).isEqualTo("text");
        assertThat(content.path(1).path("type").asText()).isEqualTo("image_url");
        assertThat(content.path(1).path("image_url").path("url").asText()).startsWith("data:image/png");
        assertThat(content.path(1).path("image_url").path("detail").asText()).isEqualTo("high");
        JsonNode format = sent.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo("radiology");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(format.path("json_schema").path("schema").path("properties").has("finding")).isTrue();
    }

    @Test
    void a_stream_asks_for_usage_and_reports_it() throws Exception {
        server.enqueue(Reply.text("No acute distress noted."));
        RecordingSink sink = new RecordingSink();
        ChatResponse r = backend.stream(ChatRequest.builder("medgemma-4b").user("Exam?").build(), sink).await();
        JsonNode sent = server.requests().getFirst().body();
        assertThat(sent.path("stream").asBoolean()).isTrue();
        assertThat(sent.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(server.requests().getFirst().headers()).containsEntry("accept", "text/event-stream");
        assertThat(sink.tokens).containsExactly("No", " acute", " distress", " noted.");
        assertThat(r.usage().completionTokens()).isEqualTo(4);
        assertThat(r.usage().promptTokens()).isEqualTo(7);
        assertThat(r.id()).isEqualTo("chatcmpl-fake");
    }

    @Test
    void without_usage_in_the_stream_completion_tokens_are_counted_from_chunks() {
        OpenAiConfig c = OpenAiConfig.of("tgi", server.baseUrl(), null, Map.of("m", "m"));
        try (OpenAiBackend quiet = new OpenAiBackend(new OpenAiConfig(c.name(), c.baseUrl(), null, c.models(),
                c.timeouts(), c.resilience(), c.maxResponseBytes(), false))) {
            server.enqueue(Reply.text("one two three"));
            ChatResponse r = quiet.stream(ChatRequest.builder("m").user("x").build(), new RecordingSink()).await();
            assertThat(server.requests().getFirst().body().has("stream_options")).isFalse();
            assertThat(server.requests().getFirst().headers()).doesNotContainKey("authorization");
            assertThat(r.usage().completionTokens()).isEqualTo(3);
            assertThat(r.usage().promptTokens()).isZero();
        }
    }

    @Test
    void a_schema_that_is_not_json_is_refused_on_the_calling_thread_before_any_request() {
        ChatRequest r = ChatRequest.builder("medgemma-4b").user("x")
                .responseFormat(new ResponseFormat.JsonSchema("s", "{not json", false)).build();
        assertThatThrownBy(() -> backend.stream(r, new RecordingSink()))
                .isInstanceOf(ClinigateException.class).hasMessageContaining("CG-2001");
        assertThat(server.requestCount()).isZero();
    }
}
