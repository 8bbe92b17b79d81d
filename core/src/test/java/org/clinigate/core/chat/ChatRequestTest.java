package org.clinigate.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

class ChatRequestTest {

    private static final String CANARY = "Zxqwerty Canarion, MRN 4417";

    private static ChatRequest.Builder valid() {
        return ChatRequest.builder("medgemma-4b").user("hello");
    }

    @Test
    void optional_fields_stay_null_and_defaults_are_filled() {
        ChatRequest r = valid().build();
        assertThat(r.temperature()).isNull();
        assertThat(r.maxTokens()).isNull();
        assertThat(r.stop()).isEmpty();
        assertThat(r.responseFormat()).isEqualTo(new ResponseFormat.Text());
        assertThat(r.extra()).isEmpty();
    }

    @Test
    void out_of_range_sampling_values_are_refused_with_invalid_request() {
        List<ChatRequest.Builder> bad = List.of(valid().temperature(2.5), valid().temperature(-0.1),
                valid().temperature(Double.NaN), valid().topP(0.0), valid().topP(1.01), valid().topP(Double.NaN),
                valid().maxTokens(0), valid().stop(List.of("a", "b", "c", "d", "e")), valid().stop(List.of("")),
                valid().extra("stream", true), valid().extra("max_tokens", 3));
        for (ChatRequest.Builder b : bad) {
            assertThatThrownBy(b::build).isInstanceOf(ClinigateException.class)
                    .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_2001));
        }
    }

    @Test
    void boundary_values_are_accepted() {
        ChatRequest r = valid().temperature(0.0).topP(1.0).maxTokens(1).stop(List.of("a", "b", "c", "d")).build();
        assertThat(r.temperature()).isZero();
        assertThat(valid().temperature(2.0).build().temperature()).isEqualTo(2.0);
    }

    @Test
    void a_request_needs_a_model_and_messages() {
        assertThatThrownBy(() -> ChatRequest.builder(" ").user("x").build()).isInstanceOf(ClinigateException.class);
        assertThatThrownBy(() -> ChatRequest.builder("m").build()).isInstanceOf(ClinigateException.class);
    }

    @Test
    void lists_and_maps_are_copied() {
        List<String> stop = new ArrayList<>(List.of("x"));
        ChatRequest r = valid().stop(stop).build();
        stop.add("y");
        assertThat(r.stop()).containsExactly("x");
        assertThatThrownBy(() -> r.messages().add(ChatMessage.user("z")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void to_string_never_prints_message_text_schema_or_extra_values() {
        ChatRequest r = ChatRequest.builder("medgemma-4b").system(CANARY).user(CANARY)
                .message(new ChatMessage(Role.USER, List.of(new ContentPart.Text(CANARY),
                        new ContentPart.ImageUrl("data:image/png;base64," + CANARY, "low"))))
                .responseFormat(new ResponseFormat.JsonSchema("note", "{\"title\":\"" + CANARY + "\"}", true))
                .extra("user", CANARY).seed(7L).build();
        assertThat(r.toString()).doesNotContain("Zxqwerty").doesNotContain("4417").contains("messages=3");
        r.messages().forEach(m -> assertThat(m.toString()).doesNotContain("Zxqwerty"));
        assertThat(r.responseFormat().toString()).doesNotContain("Zxqwerty");
        ChatResponse resp = new ChatResponse("id-1", "m", CANARY, FinishReason.STOP, new Usage(3, 4));
        assertThat(resp.toString()).doesNotContain("Zxqwerty").contains("chars=" + CANARY.length());
    }

    @Test
    void images_are_recognised_and_only_users_may_send_them() {
        ContentPart image = new ContentPart.ImageUrl("https://pacs.example/x.png", null);
        ChatRequest r = ChatRequest.builder("m").message(new ChatMessage(Role.USER, List.of(image))).build();
        assertThat(r.hasImage()).isTrue();
        assertThatThrownBy(() -> new ChatMessage(Role.ASSISTANT, List.of(image)))
                .isInstanceOf(ClinigateException.class);
        assertThatThrownBy(() -> new ContentPart.ImageUrl("file:///etc/passwd", null))
                .isInstanceOf(ClinigateException.class);
    }

    @Test
    void roles_and_finish_reasons_read_their_wire_names() {
        assertThat(Role.fromWire("developer")).isEqualTo(Role.SYSTEM);
        assertThat(Role.ASSISTANT.wireName()).isEqualTo("assistant");
        assertThatThrownBy(() -> Role.fromWire("tool")).isInstanceOf(ClinigateException.class);
        assertThat(FinishReason.fromWire("length")).isEqualTo(FinishReason.LENGTH);
        assertThat(FinishReason.fromWire("eos")).isEqualTo(FinishReason.STOP);
    }

    @Test
    void with_model_keeps_every_other_field() {
        ChatRequest r = valid().temperature(0.3).seed(9L).extra("presence_penalty", 0.5).build();
        ChatRequest other = r.withModel("upstream/name");
        assertThat(other.model()).isEqualTo("upstream/name");
        assertThat(other.withModel("medgemma-4b")).isEqualTo(r);
        assertThat(other.extra()).isEqualTo(Map.of("presence_penalty", 0.5));
    }
}
