package org.clinigate.eval.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A scripted OpenAI-compatible model on a loopback port, for benchmarks and tests: {@code GET /v1/models} lists one
 * model, and {@code POST /v1/chat/completions} answers with {@code script(last user message)} after an optional delay (HTTP 503 when the
 * script returns null). It stands for a
 * model whose answers are known, so the harness's own cost and correctness can be measured. Thread safe.
 */
public final class LoopbackModel implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AtomicLong requests = new AtomicLong();

    private LoopbackModel(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    public static LoopbackModel start(Function<String, String> script, long delayMs) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
            LoopbackModel model = new LoopbackModel(s);
            s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            s.createContext("/v1/chat/completions", ex -> model.handle(ex, script, delayMs));
            // A gateway probes its upstream's model list before it routes to it.
            s.createContext("/v1/models", ex -> {
                try (ex) {
                    send(ex, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"loopback\",\"object\":\"model\"}]}");
                }
            });
            s.start();
            return model;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the loopback model", e);
        }
    }

    private void handle(HttpExchange ex, Function<String, String> script, long delayMs) throws IOException {
        try (ex; InputStream in = ex.getRequestBody()) {
            JsonNode req = JSON.readTree(in);
            requests.incrementAndGet();
            String user = "";
            for (JsonNode m : req.path("messages")) {
                if (m.path("role").asText().equals("user")) {
                    user = m.path("content").asText();
                }
            }
            if (delayMs > 0) {
                Thread.sleep(delayMs);
            }
            String reply = script.apply(user);
            if (reply == null) {
                send(ex, 503, "{\"error\":{\"message\":\"scripted failure\"}}");
                return;
            }
            ObjectNode r = JSON.createObjectNode();
            r.put("id", "loopback-" + requests.get()).put("object", "chat.completion").put("model", req.path("model")
                    .asText());
            ObjectNode choice = r.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", reply);
            r.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
            send(ex, 200, r.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(ex, 400, "{\"error\":{\"message\":\"bad request\"}}");
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The base URL, for example {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests answered so far. */
    public long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
