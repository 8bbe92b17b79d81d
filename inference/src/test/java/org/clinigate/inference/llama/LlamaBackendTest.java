package org.clinigate.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.clinigate.core.chat.ChatMessage;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ContentPart;
import org.clinigate.core.chat.FinishReason;
import org.clinigate.core.chat.ResponseFormat;
import org.clinigate.core.chat.Role;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.inference.testing.ChatBackendContract;
import org.clinigate.inference.testing.RecordingSink;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** In-process generation on the tiny random gemma3 model: structure, never quality. */
class LlamaBackendTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRIAGE = """
            {"type":"object","properties":{
              "severity":{"enum":["low","high"]},
              "urgent":{"type":"boolean"},
              "score":{"type":"integer","minimum":0,"maximum":9}},
             "required":["severity","urgent","score"],"additionalProperties":false}
            """;

    private static ChatRequest.Builder request() {
        return ChatRequest.builder(TinyModel.MODEL).system("Answer as JSON.").user("Triage the patient's pain.");
    }

    @Test
    void json_schema_output_parses_and_has_every_required_key_for_several_seeds() throws Exception {
        for (long seed = 1; seed <= 4; seed++) {
            ChatResponse r = TinyModel.backend().complete(request().temperature(1.0).seed(seed).maxTokens(200)
                    .responseFormat(new ResponseFormat.JsonSchema("triage", TRIAGE, true)).build());
            JsonNode json = JSON.readTree(r.content());
            assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(json.path("severity").asText()).isIn("low", "high");
            assertThat(json.path("urgent").isBoolean()).isTrue();
            assertThat(json.path("score").asInt(-1)).isBetween(0, 9);
            assertThat(json.size()).isEqualTo(3);
        }
    }

    @Test
    void json_object_mode_yields_a_json_object_or_stops_at_the_token_limit() throws Exception {
        ChatResponse r = TinyModel.backend().complete(request().temperature(0.0).maxTokens(120)
                .responseFormat(new ResponseFormat.JsonObject()).build());
        assertThat(r.content()).startsWith("{");
        if (r.finishReason() == FinishReason.STOP) {
            assertThat(JSON.readTree(r.content()).isObject()).isTrue();
        }
    }

    @Test
    void a_fixed_seed_gives_identical_output() {
        ChatRequest r = request().temperature(1.0).topP(0.9).seed(1234L).maxTokens(24).build();
        ChatResponse first = TinyModel.backend().complete(r);
        ChatResponse second = TinyModel.backend().complete(r);
        assertThat(second.content()).isEqualTo(first.content()).isNotEmpty();
    }

    @Test
    void max_tokens_bounds_the_answer_and_reports_length() {
        ChatResponse r = TinyModel.backend().complete(request().temperature(0.0).maxTokens(3).build());
        assertThat(r.usage().completionTokens()).isBetween(1, 3);
        if (r.usage().completionTokens() == 3) {
            assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        }
        assertThat(r.usage().promptTokens()).isGreaterThan(5);
    }

    @Test
    void bad_parameters_are_refused_in_java_before_native_code() {
        LlamaBackend b = TinyModel.backend();
        assertRefused(() -> b.complete(request().seed(-1L).build()), ErrorCode.CG_2001);
        assertRefused(() -> b.complete(request().seed(1L << 33).build()), ErrorCode.CG_2001);
        assertRefused(() -> b.complete(request().maxTokens(513).build()), ErrorCode.CG_2004);
        assertRefused(() -> b.complete(request().stop(List.of("x".repeat(65))).build()), ErrorCode.CG_2001);
        assertRefused(() -> b.complete(request().stop(List.of("a\0b")).build()), ErrorCode.CG_2001);
        assertRefused(() -> b.complete(request().responseFormat(new ResponseFormat.JsonSchema("s",
                "{\"type\":\"string\",\"pattern\":\"^a$\"}", true)).build()), ErrorCode.CG_2001);
        assertRefused(() -> b.complete(ChatRequest.builder(TinyModel.MODEL).user("word ".repeat(600)).build()),
                ErrorCode.CG_2004);
        assertRefused(() -> b.complete(ChatRequest.builder(TinyModel.MODEL).system("only system").build()),
                ErrorCode.CG_2001);
    }

    @Test
    void image_input_is_refused_with_advice_to_route_it_to_an_openai_backend() {
        ChatMessage withImage = new ChatMessage(Role.USER, List.of(new ContentPart.Text("What is on this film?"),
                new ContentPart.ImageUrl("data:image/png;base64,iVBORw0KGgo=", null)));
        assertThatThrownBy(() -> TinyModel.backend().stream(ChatRequest.builder(TinyModel.MODEL).message(withImage)
                .build(), new RecordingSink())).isInstanceOf(ClinigateException.class)
                .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_2003))
                .hasMessageContaining("openai backend");
    }

    @Test
    void refusals_never_quote_the_prompt() {
        String canary = "Zxqwerty Canarion";
        ThrowingCallable tooLong = () -> TinyModel.backend().complete(ChatRequest.builder(TinyModel.MODEL)
                .user((canary + " ").repeat(200)).build());
        assertThatThrownBy(tooLong).satisfies(e -> ChatBackendContract.assertNoCanary(e, canary));
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(ClinigateException.class)
                .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(code));
    }
}
