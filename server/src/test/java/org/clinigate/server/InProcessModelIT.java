package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.clinigate.inference.testing.TinyGemma;
import org.clinigate.server.config.ConfigLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole gateway over a real in-process model: a tiny random-weight gemma3 GGUF that the test
 * writes, loaded by llama.cpp. Asserts structure, not quality. One model load for the class.
 */
class InProcessModelIT {

    static Application app;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path gguf = TinyGemma.writeTo(Path.of("target", "test-models", "tiny-gemma3.gguf"));
        Map<String, String> env = new HashMap<>();
        env.put("CLINIGATE_SERVER_PORT", "0");
        env.put("CLINIGATE_AUTH_MODE", "none");
        env.put("CLINIGATE_DATA_DIR", java.nio.file.Files.createTempDirectory("clinigate-it").toString());
        env.put("CLINIGATE_BACKENDS_0_NAME", "local");
        env.put("CLINIGATE_BACKENDS_0_TYPE", "llama-cpp");
        env.put("CLINIGATE_BACKENDS_0_MODEL_PATH", gguf.toString());
        env.put("CLINIGATE_BACKENDS_0_MODELS", "medgemma-4b");
        env.put("CLINIGATE_BACKENDS_0_CONTEXT_SIZE", "4096");
        env.put("CLINIGATE_BACKENDS_0_THREADS", "2");
        app = Application.start(new ConfigLoader().load(null, env), env);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (get("/readyz").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/v1/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_note_summary_task_runs_end_to_end_under_the_schema_grammar() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/v1/tasks/note-summary")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"medgemma-4b\",\"max_tokens\":700,\"seed\":3,"
                        + "\"text\":\"Cough for two days. NKDA.\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        // Random weights write nonsense, but the grammar makes it schema-shaped JSON, and the schema's bounds,
        // fitted to max_tokens, make it finish inside the budget.
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode out = Gateway.json(r.body());
        assertThat(out.path("status").asText()).isEqualTo("preliminary");
        assertThat(out.path("draft_id").asText()).hasSize(36);
        assertThat(out.path("sections").path("hpi").isTextual()).isTrue();
        assertThat(out.path("sections").path("plan").isArray()).isTrue();
    }

    @Test
    void a_radiology_draft_from_dictation_runs_end_to_end_without_images() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/v1/tasks/radiology-draft")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"medgemma-4b\",\"max_tokens\":400,\"seed\":4,"
                        + "\"indication\":\"Cough, fever.\",\"dictation\":\"Right lower lobe consolidation. "
                        + "No effusion.\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode out = Gateway.json(r.body());
        assertThat(out.path("draft_id").asText()).hasSize(36);
        assertThat(out.path("report").path("impression").isTextual()).isTrue();
        assertThat(out.path("images").asInt()).isZero();
    }

    @Test
    void an_ask_task_runs_end_to_end_and_ends_as_a_draft() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/v1/tasks/ask")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"medgemma-4b\",\"max_tokens\":48,\"seed\":5,"
                        + "\"k\":2,\"question\":\"When is HbA1c checked in type 2 diabetes?\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode out = Gateway.json(r.body());
        assertThat(out.path("draft_id").asText()).hasSize(36);
        assertThat(out.path("sources").size()).isEqualTo(2);
        assertThat(out.path("citations").has("ok")).isTrue();
    }

    @Test
    void the_model_loads_and_answers_plain_and_streamed_requests() throws Exception {
        assertThat(get("/readyz").body()).contains("\"ready\":true");
        String body = "{\"model\":\"medgemma-4b\",\"max_tokens\":12,\"seed\":7,\"temperature\":0,\"messages\":["
                + "{\"role\":\"system\",\"content\":\"You are terse.\"},"
                + "{\"role\":\"user\",\"content\":\"Summarize: Ada Quill, MRN 4821337, seen 03/14/2024.\"}]";
        HttpResponse<String> plain = post(body + "}");
        assertThat(plain.statusCode()).isEqualTo(200);
        JsonNode r = Gateway.json(plain.body());
        assertThat(r.path("choices").path(0).path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(r.path("usage").path("completion_tokens").asInt()).isBetween(1, 12);
        HttpResponse<String> streamed = post(body + ",\"stream\":true}");
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.body()).startsWith("data: {").endsWith("data: [DONE]\n\n");
        // A fixed seed at temperature 0 gives the same text either way.
        assertThat(Gateway.streamedText(streamed.body()))
                .isEqualTo(r.path("choices").path(0).path("message").path("content").asText());
    }

    @Test
    void json_schema_output_is_valid_json_under_the_grammar() throws Exception {
        String body = "{\"model\":\"medgemma-4b\",\"max_tokens\":60,\"seed\":3,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Give a triage level.\"}],\"response_format\":{\"type\":\"json_schema\","
                + "\"json_schema\":{\"name\":\"triage\",\"strict\":true,\"schema\":{\"type\":\"object\","
                + "\"properties\":{\"level\":{\"type\":\"string\",\"enum\":[\"low\",\"high\"]}},"
                + "\"required\":[\"level\"]}}}}";
        HttpResponse<String> r = post(body);
        assertThat(r.statusCode()).isEqualTo(200);
        String content = Gateway.json(r.body()).path("choices").path(0).path("message").path("content").asText();
        assertThat(Gateway.json(content).path("level").asText()).isIn("low", "high");
    }

    @Test
    void image_input_is_refused_in_process_with_advice() throws Exception {
        String body = "{\"model\":\"medgemma-4b\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"Describe\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,iVBORw0KGgo=\"}}]}]}";
        HttpResponse<String> r = post(body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("CG-2003").containsIgnoringCase("openai");
    }
}
