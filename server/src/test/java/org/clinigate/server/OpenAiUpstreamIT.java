package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.clinigate.inference.testing.FakeOpenAiServer;
import org.clinigate.inference.testing.RecordedRequest;
import org.clinigate.inference.testing.Reply;
import org.clinigate.server.config.ConfigLoader;
import org.clinigate.server.config.GatewayConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The assembled application (configuration, backends, router, pipeline, server) in front of a real
 * loopback OpenAI-compatible server: what crosses the wire, and how upstream failures surface.
 */
class OpenAiUpstreamIT {

    static FakeOpenAiServer upstream;
    static Application app;
    static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        upstream = FakeOpenAiServer.start();
        Map<String, String> env = new HashMap<>();
        env.put("CLINIGATE_SERVER_PORT", "0");
        env.put("CLINIGATE_AUTH_MODE", "none");
        env.put("CLINIGATE_DATA_DIR", java.nio.file.Files.createTempDirectory("clinigate-it").toString());
        env.put("CLINIGATE_BACKENDS_0_NAME", "fake");
        env.put("CLINIGATE_BACKENDS_0_TYPE", "openai");
        env.put("CLINIGATE_BACKENDS_0_URL", upstream.baseUrl().toString());
        env.put("CLINIGATE_BACKENDS_0_MODELS", "medgemma-27b");
        env.put("CLINIGATE_BACKENDS_0_FIRST_TOKEN_TIMEOUT_MS", "800");
        env.put("CLINIGATE_BACKENDS_0_TOTAL_TIMEOUT_MS", "1500");
        env.put("CLINIGATE_BACKENDS_0_RETRIES", "0");
        GatewayConfig config = new ConfigLoader().load(null, env);
        app = Application.start(config, env);
    }

    @AfterAll
    static void stop() {
        app.close();
        upstream.close();
    }

    @BeforeEach
    void reset() {
        upstream.reset();
    }

    private static HttpResponse<String> chat(String text, boolean stream, String model) throws Exception {
        String body = Gateway.chat(text, stream, "conv-1").replace("test-model", model);
        return HTTP.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + app.port() + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void no_phi_crosses_the_wire_and_pseudonyms_in_the_answer_come_back_as_values() throws Exception {
        upstream.enqueue(Reply.text("Plan for [NAME_1]: recheck on [DATE_1]."));
        HttpResponse<String> r = chat("Pt " + FakeOpenAiServer.CANARY + ", MRN 48213377, seen 03/14/2024.", false,
                "medgemma-27b");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Gateway.json(r.body()).path("choices").path(0).path("message").path("content").asText())
                .isEqualTo("Plan for " + FakeOpenAiServer.CANARY + ": recheck on 03/14/2024.");
        RecordedRequest seen = upstream.requests().get(0);
        String wire = seen.body().toString();
        assertThat(wire).doesNotContain("Canarion").doesNotContain("48213377").doesNotContain("03/14/2024")
                .contains("[NAME_1]").contains("[MRN_1]");
        assertThat(seen.body().path("model").asText()).isEqualTo("medgemma-27b");

        upstream.enqueue(Reply.text("Still [NAME_1], stable."));
        HttpResponse<String> s = chat("How is he today?", true, "medgemma-27b");
        assertThat(Gateway.streamedText(s.body())).isEqualTo("Still " + FakeOpenAiServer.CANARY + ", stable.");
    }

    @Test
    void readiness_follows_whether_the_backend_server_answers() throws Exception {
        String ready = HTTP.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + app.port() + "/readyz")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(ready).contains("\"ready\":true");
        // Port 1 on loopback: nothing listens there, and no other test's server can take it over.
        java.net.URI url = java.net.URI.create("http://127.0.0.1:1/v1");
        ChatBackendStub stub = new ChatBackendStub();
        ProbedBackend probed = new ProbedBackend(stub, url,
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(), Duration.ofHours(1));
        probed.probe();
        assertThat(probed.readiness().ready()).isFalse();
        assertThat(probed.readiness().detail()).contains("cannot be reached").contains("backends[].url");
    }

    /** A backend that is always ready, to show that the probe alone can make it not ready. */
    static final class ChatBackendStub implements org.clinigate.core.chat.ChatBackend {
        @Override
        public String name() {
            return "stub";
        }

        @Override
        public java.util.Set<String> models() {
            return java.util.Set.of("m");
        }

        @Override
        public org.clinigate.core.chat.ChatResponse complete(org.clinigate.core.chat.ChatRequest r) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.clinigate.core.chat.ChatStream stream(org.clinigate.core.chat.ChatRequest r,
                org.clinigate.core.chat.ChatSink s) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.clinigate.core.health.Readiness readiness() {
            return org.clinigate.core.health.Readiness.ready("stub");
        }
    }

    @Test
    void an_unknown_model_is_a_404_naming_the_models_that_exist() throws Exception {
        HttpResponse<String> r = chat("hello", false, "gpt-9");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("CG-2002").contains("medgemma-27b").doesNotContain("gpt-9");
        assertThat(upstream.requestCount()).isZero();
    }

    @Test
    void upstream_failures_become_clear_gateway_errors() throws Exception {
        upstream.enqueue(Reply.hang());
        assertThat(chat("hi", false, "medgemma-27b").statusCode()).isEqualTo(504);
        upstream.enqueue(Reply.status(500));
        assertThat(chat("hi", false, "medgemma-27b").statusCode()).isEqualTo(502);
        upstream.enqueue(Reply.malformedJson());
        HttpResponse<String> bad = chat("hi", false, "medgemma-27b");
        assertThat(bad.statusCode()).isEqualTo(502);
        assertThat(bad.body()).contains("CG-2103").doesNotContain(FakeOpenAiServer.CANARY);
        upstream.enqueue(Reply.text("slow start").delayed(Duration.ofSeconds(3)));
        HttpResponse<String> slow = chat("hi", true, "medgemma-27b");
        assertThat(slow.statusCode()).isEqualTo(504);
        assertThat(HTTP.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + app.port() + "/readyz")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("\"backend\":\"fake\"");
    }
}
