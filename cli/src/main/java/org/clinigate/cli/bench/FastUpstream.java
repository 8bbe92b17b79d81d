package org.clinigate.cli.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback OpenAI-compatible server that answers at once, or after a fixed delay that stands for the
 * model, for measuring what the gateway adds. It
 * reports its own time in {@code X-Backend-Time-Us}, and answers with a pseudonym so that the
 * gateway's re-linking is part of what is measured.
 */
final class FastUpstream implements AutoCloseable {

    private static final byte[] JSON = ("{\"id\":\"up-1\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"bench\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"Summary for [NAME_1]: stable, follow up in two weeks.\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":500,\"completion_tokens\":12,\"total_tokens\":512}}")
            .getBytes(StandardCharsets.UTF_8);
    private static final String[] WORDS = {"Summary ", "for ", "[NAME_1]: ", "stable, ", "follow ", "up ", "in ",
            "two ", "weeks."};

    private final HttpServer server;
    private final long delayMillis;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    FastUpstream(long delayMillis) throws IOException {
        this.delayMillis = delayMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    private void handle(HttpExchange x) throws IOException {
        long t0 = System.nanoTime();
        byte[] body;
        try (InputStream in = x.getRequestBody()) {
            body = in.readAllBytes();
        }
        boolean stream = new String(body, StandardCharsets.UTF_8).contains("\"stream\":true");
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis); // a model's time; a virtual thread waits without a core
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        x.getResponseHeaders().add("X-Backend-Time-Us", Long.toString((System.nanoTime() - t0) / 1000));
        if (!stream) {
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, JSON.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(JSON);
            }
            return;
        }
        x.getResponseHeaders().add("Content-Type", "text/event-stream");
        x.sendResponseHeaders(200, 0);
        try (OutputStream out = x.getResponseBody()) {
            for (String w : WORDS) {
                String chunk = "data: {\"id\":\"up-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":"
                        + "\"bench\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + w
                        + "\"},\"finish_reason\":null}]}\n\n";
                out.write(chunk.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write(("data: {\"id\":\"up-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"bench\","
                    + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
