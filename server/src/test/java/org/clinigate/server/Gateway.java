package org.clinigate.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.clinigate.core.chat.ChatBackend;
import org.clinigate.core.pipeline.ChatPipeline;
import org.clinigate.core.pipeline.InMemoryVault;
import org.clinigate.core.pipeline.PhiVault;
import org.clinigate.deid.ClinicalDeidentifier;
import org.clinigate.server.config.ConfigLoader;
import org.clinigate.server.config.GatewayConfig;
import org.clinigate.server.http.GatewayServer;
import org.clinigate.server.metrics.GatewayMetrics;

/** A real gateway on a free loopback port in front of a given backend, and an HTTP client for it. */
final class Gateway implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ClinicalDeidentifier DEID = ClinicalDeidentifier.create();

    final GatewayServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final GatewayMetrics metrics = new GatewayMetrics();

    final org.clinigate.store.Store store;
    final Application.LazyIndex knowledge;

    Gateway(ChatBackend backend, Map<String, String> env) {
        this(backend, env, null);
    }

    /** With {@code audit} null, a real audit log in an H2 database under a temporary folder. */
    Gateway(ChatBackend backend, Map<String, String> env, org.clinigate.core.audit.AuditLog audit) {
        Map<String, String> all = new java.util.HashMap<>(
                Map.of("CLINIGATE_SERVER_PORT", "0", "CLINIGATE_AUTH_MODE", "none",
                        "CLINIGATE_SERVER_SHUTDOWN_GRACE_SECONDS", "10"));
        all.putAll(env);
        GatewayConfig config = new ConfigLoader().load((Path) null, all);
        try {
            java.nio.file.Path dir = all.containsKey("CLINIGATE_DATA_DIR")
                    ? Path.of(all.get("CLINIGATE_DATA_DIR"))
                    : java.nio.file.Files.createTempDirectory("clinigate-it");
            GatewayConfig withDir = new ConfigLoader().load((Path) null,
                    merged(all, Map.of("CLINIGATE_DATA_DIR", dir.toString())));
            var sc = Application.storeConfig(withDir);
            knowledge = Application.knowledge(withDir);
            store = org.clinigate.store.Store.open(sc, all::get);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        PhiVault vault = "database".equals(config.vault().kind()) ? store.phiVault() : new InMemoryVault(1000);
        org.clinigate.safety.SafetyRails rails = Application.rails(config);
        // As Application wires it: BASE:ADAPTER requests reach approved registry adapters only.
        ChatBackend gated = backend == null
                ? null
                : new org.clinigate.core.registry.AdapterGate(backend, store.modelRegistry());
        ChatPipeline pipeline = rails == null
                ? new ChatPipeline(DEID, gated, vault, metrics)
                : new ChatPipeline(DEID, gated, vault, metrics, rails.input(), rails.output());
        server = GatewayServer.start(config, pipeline, backend == null ? List.of() : List.of(backend), metrics,
                audit == null ? store.auditLog() : audit, store.apiKeys(),
                store.quotas(Application.quotaLimits(config.quotas())), store::readiness,
                new GatewayServer.Review(store.drafts(), vault, DEID, knowledge,
                        Application.terminology(config), store.draftInputs(), store.modelRegistry(),
                        new org.clinigate.core.registry.Governance(store.modelRegistry(), store.auditLog(),
                                config.registry().asThresholds())));
    }

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new java.util.HashMap<>(a);
        m.putAll(b);
        return m;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postBytes(String path, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String chat(String text, boolean stream, String conversation) {
        ObjectNode body = JSON.createObjectNode().put("model", "test-model").put("stream", stream);
        body.putArray("messages").addObject().put("role", "user").put("content", text);
        if (conversation != null) {
            body.putObject("clinigate").put("conversation_id", conversation);
        }
        return body.toString();
    }

    static JsonNode json(String s) throws IOException {
        return JSON.readTree(s);
    }

    /** The content deltas of an SSE body, joined, and whether it ended with [DONE]. */
    static String streamedText(String sse) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                JsonNode n = JSON.readTree(line.substring(6));
                JsonNode c = n.path("choices").path(0).path("delta").path("content");
                if (c.isTextual()) {
                    sb.append(c.asText());
                }
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        server.close();
        knowledge.close();
        store.close();
    }
}
