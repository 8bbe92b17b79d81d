package org.clinigate.inference.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Writes one scripted {@link Reply} as HTTP/1.1 on a socket of {@link FakeOpenAiServer}. Not thread safe. */
final class ReplyWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final OutputStream out;
    private final Runnable onClientGone;

    ReplyWriter(Socket socket, Runnable onClientGone) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.onClientGone = onClientGone;
    }

    /** Writes the reply; false when the connection must close afterwards. */
    boolean write(Reply reply, RecordedRequest request) throws IOException, InterruptedException {
        Thread.sleep(reply.headerDelay());
        long backendMillis = reply.headerDelay().toMillis();
        String model = request.body().path("model").asText("fake");
        return switch (reply.kind()) {
            case TEXT -> request.streamed()
                    ? stream(reply, request, model, backendMillis)
                    : fixed(200, "application/json", completion(reply.text(), model), backendMillis);
            case STATUS -> fixed(reply.status(), "application/json",
                    "{\"error\":{\"message\":\"upstream failed for " + FakeOpenAiServer.CANARY + "\"}}", backendMillis);
            case MALFORMED_JSON -> request.streamed()
                    ? streamRaw(List.of("{\"choices\": [" + FakeOpenAiServer.CANARY), backendMillis)
                    : fixed(200, "application/json", "{\"id\": " + FakeOpenAiServer.CANARY, backendMillis);
            case WRONG_CONTENT_TYPE -> fixed(200, "text/html",
                    "<html>" + FakeOpenAiServer.CANARY + "</html>", backendMillis);
            case RESET -> reset(reply, model, backendMillis);
        };
    }

    private boolean fixed(int status, String type, String body, long backendMillis) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " Fake\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length
                + "\r\nX-Backend-Time-Ms: " + backendMillis + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return true;
    }

    private boolean stream(Reply reply, RecordedRequest request, String model, long backendMillis)
            throws IOException, InterruptedException {
        List<String> events = new ArrayList<>();
        List<String> words = words(reply.text());
        for (String w : words) {
            events.add(chunk(model, w, null));
        }
        events.add(chunk(model, null, "stop"));
        if (request.body().path("stream_options").path("include_usage").asBoolean(false)) {
            events.add("{\"id\":\"chatcmpl-fake\",\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":"
                    + words.size() + "}}");
        }
        events.add("[DONE]");
        startChunked(backendMillis);
        for (String e : events) {
            Thread.sleep(reply.chunkDelay());
            if (!sendEvent(e)) {
                return false;
            }
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
    }

    private boolean streamRaw(List<String> events, long backendMillis) throws IOException {
        startChunked(backendMillis);
        for (String e : events) {
            sendEvent(e);
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
    }

    /** Streams some chunks, then closes with SO_LINGER 0, which sends a TCP reset. */
    private boolean reset(Reply reply, String model, long backendMillis) throws IOException, InterruptedException {
        startChunked(backendMillis);
        List<String> words = words(reply.text());
        for (int i = 0; i < Math.min(reply.chunksBeforeReset(), words.size()); i++) {
            Thread.sleep(reply.chunkDelay());
            sendEvent(chunk(model, words.get(i), null));
        }
        if (reply.resetGate() != null) {
            reply.resetGate().await(1, TimeUnit.MINUTES);
        }
        socket.setSoLinger(true, 0);
        socket.close();
        return false;
    }

    private void startChunked(long backendMillis) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                + "Transfer-Encoding: chunked\r\nX-Backend-Time-Ms: " + backendMillis + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends one SSE event as one HTTP chunk; false when the client has gone. */
    private boolean sendEvent(String data) {
        byte[] event = ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        try {
            out.write((Integer.toHexString(event.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(event);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return true;
        } catch (IOException e) {
            onClientGone.run();
            return false;
        }
    }

    private static String chunk(String model, String content, String finish) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
                .put("model", model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (content != null) {
            delta.put("content", content);
        }
        choice.put("finish_reason", finish);
        return root.toString();
    }

    private static String completion(String text, String model) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
                .put("model", model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        root.putObject("usage").put("prompt_tokens", 7).put("completion_tokens", words(text).size());
        return root.toString();
    }

    /** Splits text into words that keep their leading space, so that joining them gives the text back. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ' ') {
                words.add(text.substring(start, i));
                start = i;
            }
        }
        return words;
    }
}
