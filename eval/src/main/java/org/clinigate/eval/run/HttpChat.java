package org.clinigate.eval.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.clinigate.core.chat.ChatMessage;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * A minimal OpenAI-compatible chat client over {@code java.net.http}: POST {@code /v1/chat/completions}, not
 * streamed, with an optional bearer key. Reads the reply text and, when a Clinigate gateway answers, the rails report
 * under {@code clinigate.rails}. Failures map to the backend codes (CG-2101 unreachable, CG-2102 time-out, CG-2103
 * malformed, CG-2104 5xx, CG-2105 other 4xx, CG-2106 429); a failed connection, a 429 and a 502, 503 or 504 are tried
 * up to three times in all. Messages carry status codes, never bodies. Thread safe.
 */
public final class HttpChat implements Responder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param endpoint a base URL ({@code http://host:8080} or {@code .../v1}) or the full completions URL
     * @param apiKey a bearer key, or null
     */
    public HttpChat(String endpoint, String apiKey, Duration timeout) {
        this.uri = completionsUri(endpoint);
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(
                HttpClient.Version.HTTP_1_1).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    static URI completionsUri(String endpoint) {
        String e = endpoint.strip().replaceAll("/+$", "");
        if (!e.startsWith("http://") && !e.startsWith("https://")) {
            throw new ClinigateException(ErrorCode.CG_1001, "--endpoint must be an http(s) URL");
        }
        if (e.endsWith("/chat/completions")) {
            return URI.create(e);
        }
        return URI.create(e.endsWith("/v1") ? e + "/chat/completions" : e + "/v1/chat/completions");
    }

    @Override
    public Reply reply(ChatRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body(request)));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        HttpRequest http = b.build();
        for (int attempt = 1;; attempt++) {
            try {
                return parse(send(http));
            } catch (ClinigateException e) {
                // A reset pooled connection, a 429 or a 502-504 is retried twice; nothing has been graded yet.
                if (attempt >= ATTEMPTS || !retriable(e.code())) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    static final int ATTEMPTS = 3;

    private static boolean retriable(ErrorCode code) {
        return code == ErrorCode.CG_2101 || code == ErrorCode.CG_2104 || code == ErrorCode.CG_2106;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClinigateException(ErrorCode.CG_2005, "interrupted");
        }
    }

    private HttpResponse<byte[]> send(HttpRequest http) {
        try {
            return client.send(http, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ClinigateException(ErrorCode.CG_2102, "the endpoint did not answer within " + timeout
                    .toSeconds() + " s");
        } catch (ConnectException e) {
            throw new ClinigateException(ErrorCode.CG_2101, "cannot connect to the endpoint");
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_2101, "the endpoint connection failed (" + e.getClass()
                    .getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClinigateException(ErrorCode.CG_2005, "interrupted");
        }
    }

    private static Reply parse(HttpResponse<byte[]> r) {
        int status = r.statusCode();
        if (status == 502 || status == 503 || status == 504) {
            throw new ClinigateException(ErrorCode.CG_2104, "the endpoint answered HTTP " + status);
        }
        return parse(status, r.body());
    }

    static byte[] body(ChatRequest request) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", request.model());
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.addObject().put("role", m.role().wireName()).put("content", m.text());
        }
        if (request.temperature() != null) {
            root.put("temperature", request.temperature());
        }
        if (request.maxTokens() != null) {
            root.put("max_tokens", request.maxTokens());
        }
        if (request.seed() != null) {
            root.put("seed", request.seed());
        }
        root.put("stream", false);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Reply parse(int status, byte[] body) {
        if (status == 429) {
            throw new ClinigateException(ErrorCode.CG_2106, "the endpoint is at capacity (HTTP 429)");
        }
        if (status >= 500) {
            throw new ClinigateException(ErrorCode.CG_2104, "the endpoint answered HTTP " + status);
        }
        if (status != 200) {
            throw new ClinigateException(ErrorCode.CG_2105, "the endpoint answered HTTP " + status);
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_2103, "the endpoint's answer is not JSON");
        }
        JsonNode content = root == null ? null : root.path("choices").path(0).path("message").get("content");
        if (content == null || !(content.isTextual() || content.isNull())) {
            throw new ClinigateException(ErrorCode.CG_2103, "the endpoint's answer has no choices[0].message.content");
        }
        JsonNode rails = root.path("clinigate").path("rails");
        List<String> rules = new ArrayList<>();
        for (JsonNode f : rails.path("flags")) {
            if (f.path("rule").isTextual()) {
                rules.add(f.get("rule").asText());
            }
        }
        return new Reply(content.isNull() ? "" : content.asText(), rules, textOrNull(rails.get("input")), textOrNull(
                rails.get("output")));
    }

    private static String textOrNull(JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }

    @Override
    public void close() {
        client.close();
    }
}
