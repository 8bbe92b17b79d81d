package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input, a client that leaves, and shutdown: each gets a clear answer and the server stays up. */
class GatewayErrorsIT {

    static final String CANARY = "Zxqwerty Canarion";
    static final ByteArrayOutputStream LOGS = new ByteArrayOutputStream();
    static PrintStream originalErr;
    static ScriptedBackend backend;
    static Gateway gateway;

    @BeforeAll
    static void start() {
        originalErr = System.err;
        System.setErr(new PrintStream(LOGS, true, StandardCharsets.UTF_8));
        backend = new ScriptedBackend();
        gateway = new Gateway(backend, Map.of("CLINIGATE_SERVER_MAX_BODY_BYTES", "65536",
                "CLINIGATE_SERVER_MAX_JSON_DEPTH", "16"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        System.setErr(originalErr);
        // Nothing the gateway logged, during all the failures below, carries the planted value.
        assertThat(LOGS.toString(StandardCharsets.UTF_8)).doesNotContain(CANARY).doesNotContain("Canarion");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON|{\"model\": \"test-model\", \"messages\": [ Zxqwerty Canarion|400|CG-1005",
            "not an object|[1, 2]|400|CG-2001",
            "no messages|{\"model\": \"test-model\", \"messages\": []}|400|CG-2001",
            "unknown field|{\"model\": \"test-model\", \"messages\": [{\"role\":\"user\",\"content\":\"Zxqwerty Canarion\"}], \"tools\": []}|400|CG-2001",
            "bad role|{\"model\": \"test-model\", \"messages\": [{\"role\":\"tool\",\"content\":\"Zxqwerty Canarion\"}]}|400|CG-2001",
            "temperature out of range|{\"model\": \"test-model\", \"temperature\": 9, \"messages\": [{\"role\":\"user\",\"content\":\"x\"}]}|400|CG-2001"})
    void refuses_bad_requests_with_a_stable_code_and_no_echo(String name, String body, int status, String code)
            throws Exception {
        HttpResponse<String> r = gateway.post("/v1/chat/completions", body);
        assertThat(r.statusCode()).as(name).isEqualTo(status);
        assertThat(Gateway.json(r.body()).path("error").path("code").asText()).isEqualTo(code);
        assertThat(r.body()).doesNotContain("Canarion");
    }

    @Test
    void refuses_invalid_utf8() throws Exception {
        byte[] body = "{\"model\":\"test-model\",\"messages\":[{\"role\":\"user\",\"content\":\"\u00ff\u00fe\"}]}"
                .getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> r = gateway.postBytes("/v1/chat/completions", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Gateway.json(r.body()).path("error").path("code").asText()).isEqualTo("CG-1003");
    }

    @Test
    void refuses_deeply_nested_json() throws Exception {
        String deep = "[".repeat(500) + "]".repeat(500);
        HttpResponse<String> r = gateway.post("/v1/chat/completions",
                "{\"model\":\"test-model\",\"messages\":[],\"logit_bias\":" + deep + "}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Gateway.json(r.body()).path("error").path("code").asText()).isEqualTo("CG-1005");
    }

    @Test
    void refuses_a_body_over_the_limit_with_413() throws Exception {
        String big = Gateway.chat("x".repeat(70_000), false, null);
        HttpResponse<String> r = gateway.post("/v1/chat/completions", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(Gateway.json(r.body()).path("error").path("code").asText()).isEqualTo("CG-1006");
        assertThat(gateway.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void refuses_a_wrong_content_type_an_unknown_path_and_a_wrong_method() throws Exception {
        HttpResponse<String> r = gateway.http.send(HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(415);
        HttpResponse<String> missing = gateway.get("/v2/nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Gateway.json(missing.body()).path("error").path("code").asText()).isEqualTo("CG-3001");
        assertThat(gateway.get("/v1/chat/completions").statusCode()).isIn(404, 405);
    }

    @Test
    void a_client_that_leaves_mid_stream_cancels_the_generation() throws Exception {
        backend.behaviour = ScriptedBackend.Behaviour.SLOW;
        backend.delayMillis = 50;
        backend.chunkChars = 2;
        int before = backend.cancelled.get();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Gateway.chat("a prompt long enough to stream for a while",
                        true, null)))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        InputStream in = r.body();
        assertThat(in.read(new byte[64])).isPositive();
        in.close();
        client.shutdownNow();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (backend.cancelled.get() == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(backend.cancelled.get()).isGreaterThan(before);
        backend.behaviour = ScriptedBackend.Behaviour.ECHO;
        backend.delayMillis = 0;
        assertThat(gateway.post("/v1/chat/completions", Gateway.chat("still up?", false, null)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void shutdown_lets_a_stream_in_flight_finish_and_refuses_new_requests() throws Exception {
        ScriptedBackend slow = new ScriptedBackend();
        slow.behaviour = ScriptedBackend.Behaviour.SLOW;
        slow.delayMillis = 40;
        slow.chunkChars = 4;
        Gateway g = new Gateway(slow, Map.of());
        String prompt = "please stream this answer slowly to the end";
        CompletableFuture<HttpResponse<String>> inFlight = g.http.sendAsync(
                HttpRequest.newBuilder(g.uri("/v1/chat/completions")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Gateway.chat(prompt, true, null))).build(),
                HttpResponse.BodyHandlers.ofString());
        while (slow.received.isEmpty()) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        URI uri = g.uri("/v1/chat/completions");
        Thread closer = Thread.ofVirtual().start(g::close);
        HttpResponse<String> done = inFlight.get();
        closer.join();
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(Gateway.streamedText(done.body())).isEqualTo("You said: " + prompt);
        assertThat(done.body()).endsWith("data: [DONE]\n\n");
        boolean refused;
        try {
            HttpResponse<String> after = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Gateway.chat("x", false, null))).build(),
                    HttpResponse.BodyHandlers.ofString());
            refused = after.statusCode() == 503;
        } catch (java.io.IOException closed) {
            refused = true;
        }
        assertThat(refused).isTrue();
    }
}
