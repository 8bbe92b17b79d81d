package org.clinigate.cli.bench;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * A loopback OpenAI-compatible server (Jetty, virtual threads, keep-alive) that answers at once, or
 * after a delay that stands for the model, for measuring what the gateway adds. The delay is fixed, or drawn
 * uniformly from {@code delay ± jitter} for each answer: with one fixed delay, closed-loop clients that started
 * together stay in step and arrive in waves of all of them at once, which real model times do not produce.
 * It reports its own time in {@code X-Backend-Time-Us}, and answers with a pseudonym so that the gateway's
 * re-linking is part of what is measured.
 */
final class FastUpstream implements AutoCloseable {

    private static final byte[] JSON = ("{\"id\":\"up-1\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"bench\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"Summary for [NAME_1]: stable, follow up in two weeks.\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":500,\"completion_tokens\":12,\"total_tokens\":512}}")
            .getBytes(StandardCharsets.UTF_8);
    private static final String[] WORDS = {"Summary ", "for ", "[NAME_1]: ", "stable, ", "follow ", "up ", "in ",
            "two ", "weeks."};

    private final Server server;
    private final long delayMillis;
    private final long jitterMillis;

    /** {@code jitterMillis} at most {@code delayMillis}: each answer waits {@code delay ± jitter}, uniformly. */
    FastUpstream(long delayMillis, long jitterMillis) throws Exception {
        if (jitterMillis < 0 || jitterMillis > delayMillis) {
            throw new IllegalArgumentException("the jitter must lie between 0 and the delay (" + delayMillis + " ms)");
        }
        this.delayMillis = delayMillis;
        this.jitterMillis = jitterMillis;
        server = new Server(new VirtualThreadPool());
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract(org.eclipse.jetty.util.thread.Invocable.InvocationType.BLOCKING) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                answer(request, response, callback);
                return true;
            }
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/v1");
    }

    private void answer(Request request, Response response, Callback callback) throws Exception {
        long t0 = System.nanoTime();
        String body = Content.Source.asString(request, StandardCharsets.UTF_8);
        boolean stream = body.contains("\"stream\":true");
        long delay = jitterMillis == 0
                ? delayMillis
                : delayMillis + java.util.concurrent.ThreadLocalRandom.current().nextLong(-jitterMillis,
                        jitterMillis + 1);
        if (delay > 0) {
            Thread.sleep(delay); // a model's time; a virtual thread waits without holding a core
        }
        response.getHeaders().put("X-Backend-Time-Us", Long.toString((System.nanoTime() - t0) / 1000));
        if (!stream) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, JSON.length);
            response.write(true, ByteBuffer.wrap(JSON), callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
        for (String w : WORDS) {
            String chunk = "data: {\"id\":\"up-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":"
                    + "\"bench\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + w
                    + "\"},\"finish_reason\":null}]}\n\n";
            try (Blocker.Callback b = Blocker.callback()) {
                response.write(false, ByteBuffer.wrap(chunk.getBytes(StandardCharsets.UTF_8)), b);
                b.block();
            }
        }
        byte[] end = ("data: {\"id\":\"up-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"bench\","
                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")
                .getBytes(StandardCharsets.UTF_8);
        response.write(true, ByteBuffer.wrap(end), callback);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
