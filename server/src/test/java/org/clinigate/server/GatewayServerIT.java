package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinigate.core.phi.PhiSpan;
import org.clinigate.synth.GoldCorpusGenerator;
import org.clinigate.synth.GoldDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway end to end over HTTP: what the model sees, what the client gets back. */
class GatewayServerIT {

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

    @BeforeEach
    void reset() {
        backend.behaviour = ScriptedBackend.Behaviour.ECHO;
        backend.received.clear();
        backend.chunkChars = 3;
        backend.delayMillis = 0;
    }

    @Test
    void the_backend_never_sees_detected_phi_and_the_client_gets_its_own_values_back() throws Exception {
        List<GoldDocument> docs = new GoldCorpusGenerator(5150L).generate(40);
        int checked = 0;
        for (int i = 0; i < docs.size(); i++) {
            String text = docs.get(i).text();
            boolean stream = i % 2 == 1;
            HttpResponse<String> r = gateway.post("/v1/chat/completions", Gateway.chat(text, stream, null));
            assertThat(r.statusCode()).isEqualTo(200);
            String answer = stream
                    ? Gateway.streamedText(r.body())
                    : Gateway.json(r.body()).path("choices").path(0).path("message").path("content").asText();
            assertThat(answer).as("document %d, stream=%s", i, stream).isEqualTo("You said: " + text);
            String seen = backend.received.get(i).messages().get(0).text();
            for (PhiSpan s : Gateway.DEID.detect(text)) {
                String value = text.substring(s.start(), s.end());
                if (value.length() >= 4) {
                    assertThat(seen).as("document %d", i).doesNotContain(value);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(300);
        assertThat(backend.everythingReceived()).contains("[NAME_1]");
    }

    @Test
    void a_served_call_reports_the_backends_time_and_the_gateways_own_in_server_timing() throws Exception {
        backend.chunkChars = 1000;
        backend.delayMillis = 40;
        HttpResponse<String> r = gateway.post("/v1/chat/completions", Gateway.chat("Pt Zxqwerty Canarion seen.", false,
                null));
        assertThat(r.statusCode()).isEqualTo(200);
        String timing = r.headers().firstValue("Server-Timing").orElseThrow();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^upstream;dur=([0-9]+\\.[0-9]{3}), gateway;dur=([0-9]+"
                        + "\\.[0-9]{3})$")
                .matcher(timing);
        assertThat(m.matches()).as(timing).isTrue();
        // The backend slept 40 ms, so its share is at least that; the header carries timings and nothing of the call.
        assertThat(Double.parseDouble(m.group(1))).isGreaterThanOrEqualTo(40.0);
        assertThat(timing).doesNotContain("Canarion");
        // The gateway's part is also a Prometheus histogram per model.
        assertThat(gateway.get("/metrics").body())
                .containsPattern("clinigate_gateway_overhead_seconds_count\\{model=\"[^\"]+\"\\} [1-9]");
    }

    @Test
    void pseudonyms_stay_stable_across_the_turns_of_a_conversation() throws Exception {
        gateway.post("/v1/chat/completions", Gateway.chat("Pt Zxqwerty Canarion seen today.", false, "conv-7"));
        gateway.post("/v1/chat/completions", Gateway.chat("Is Zxqwerty Canarion stable?", true, "conv-7"));
        gateway.post("/v1/chat/completions", Gateway.chat("Dr. Okonkwo called.", false, "conv-8"));
        List<String> texts = backend.received.stream().map(r -> r.messages().get(0).text()).toList();
        assertThat(texts.get(0)).contains("[NAME_1]").doesNotContain("Canarion");
        assertThat(texts.get(1)).contains("[NAME_1]").doesNotContain("Canarion");
        // Another conversation has its own scope: its first name is [NAME_1] too, and maps elsewhere.
        assertThat(texts.get(2)).contains("[NAME_1]").doesNotContain("Okonkwo");
    }

    @Test
    void a_stream_is_openai_shaped_and_ends_with_done() throws Exception {
        String body = Gateway.chat("Hello there", true, null).replace("\"stream\":true",
                "\"stream\":true,\"stream_options\":{\"include_usage\":true}");
        HttpResponse<String> r = gateway.post("/v1/chat/completions", body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        assertThat(r.body()).endsWith("data: [DONE]\n\n");
        String[] events = r.body().split("\n\n");
        JsonNode first = Gateway.json(events[0].substring(6));
        assertThat(first.path("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(first.path("choices").path(0).path("delta").path("role").asText()).isEqualTo("assistant");
        // ... deltas, the finish reason, the usage, then the rails' verdicts (a rule fired), then [DONE]
        JsonNode rails = Gateway.json(events[events.length - 2].substring(6));
        assertThat(rails.path("choices").size()).isZero();
        assertThat(rails.path("clinigate").path("rails").path("output").asText()).isEqualTo("flag");
        assertThat(rails.path("clinigate").path("rails").path("flags").toString())
                .contains("output.disclaimer.missing");
        JsonNode usage = Gateway.json(events[events.length - 3].substring(6));
        assertThat(usage.path("usage").path("total_tokens").asInt()).isPositive();
        JsonNode last = Gateway.json(events[events.length - 4].substring(6));
        assertThat(last.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void a_backend_down_before_the_first_token_is_a_503_with_a_stable_code() throws Exception {
        backend.behaviour = ScriptedBackend.Behaviour.FAIL_BEFORE_FIRST_TOKEN;
        for (boolean stream : new boolean[]{false, true}) {
            HttpResponse<String> r = gateway.post("/v1/chat/completions", Gateway.chat("hi", stream, null));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(Gateway.json(r.body()).path("error").path("code").asText()).isEqualTo("CG-2101");
        }
    }

    @Test
    void a_backend_failing_mid_stream_ends_the_stream_with_an_error_event() throws Exception {
        backend.behaviour = ScriptedBackend.Behaviour.FAIL_MID_STREAM;
        HttpResponse<String> r = gateway.post("/v1/chat/completions",
                Gateway.chat("a long enough prompt to stream", true, null));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"code\":\"CG-2103\"").endsWith("data: [DONE]\n\n");
    }

    @Test
    void lists_models_and_reports_health_readiness_and_metrics() throws Exception {
        JsonNode models = Gateway.json(gateway.get("/v1/models").body());
        assertThat(models.path("data").path(0).path("id").asText()).isEqualTo("test-model");
        assertThat(gateway.get("/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = gateway.get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        gateway.post("/v1/chat/completions", Gateway.chat("Seen by Dr. Okonkwo on 03/14/2024.", false, null));
        String metrics = gateway.get("/metrics").body();
        assertThat(metrics).contains("clinigate_phi_spans_total{category=\"NAME\"}")
                .contains("clinigate_requests_seconds_bucket").contains("clinigate_tokens_total")
                .contains("clinigate_pipeline_stage_seconds_count{stage=\"deid\"}")
                .contains("clinigate_pipeline_stage_seconds_count{stage=\"backend\"}")
                .contains("clinigate_pipeline_stage_seconds_count{stage=\"rail.output\"}")
                .doesNotContain("Okonkwo");
    }
}
