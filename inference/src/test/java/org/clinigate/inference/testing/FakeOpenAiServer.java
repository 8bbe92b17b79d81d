package org.clinigate.inference.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP/1.1 server on loopback that acts as an OpenAI-compatible backend from a script of {@link Reply}s:
 * each request takes the next queued reply, or the default one. It records every request it receives, so tests
 * can check what a backend was sent (for example that no PHI reached it). Built on plain sockets rather than
 * {@code com.sun.net.httpserver} so that it can cut a connection with a TCP reset mid-stream. Connections are kept
 * alive; every reply carries {@code X-Backend-Time-Ms}, its own time before the first byte, for overhead
 * measurements.
 *
 * <p>Thread safe; one virtual thread per connection. Meant for tests of this module and of the server module,
 * which reuses it through the test-jar.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    /** Planted in every error and malformed body; must never appear in an exception message. */
    public static final String CANARY = "Zxqwerty Canarion";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSocket listener;
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch clientGone = new CountDownLatch(1);
    private volatile Reply defaultReply = Reply.text("The patient is stable.");

    private FakeOpenAiServer(ServerSocket listener) {
        this.listener = listener;
        Thread.ofVirtual().name("fake-openai-accept").start(this::acceptLoop);
    }

    /** Starts a server on a free loopback port. */
    public static FakeOpenAiServer start() {
        try {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
            return new FakeOpenAiServer(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The API root to configure a backend with, ending in {@code /v1}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/v1");
    }

    /** Queues replies for the next requests, in order. */
    public FakeOpenAiServer enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** The reply used when the queue is empty. */
    public FakeOpenAiServer defaultReply(Reply reply) {
        defaultReply = reply;
        return this;
    }

    public int requestCount() {
        return requests.size();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Forgets recorded requests and queued replies. */
    public void reset() {
        requests.clear();
        script.clear();
    }

    /** Waits until a streamed reply found its client gone (a write failed); false if that did not happen in time. */
    public boolean awaitClientGone(Duration max) throws InterruptedException {
        return clientGone.await(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing a listener only fails when it is already closed.
        }
        open.forEach(FakeOpenAiServer::closeQuietly);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                open.add(s);
                Thread.ofVirtual().name("fake-openai-conn").start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            ReplyWriter writer = new ReplyWriter(socket, clientGone::countDown);
            while (true) {
                RecordedRequest request = read(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                Reply reply = script.poll();
                if (!writer.write(reply == null ? defaultReply : reply, request)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client went away or the server is closing; nothing to answer.
        } finally {
            open.remove(socket);
        }
    }

    private static RecordedRequest read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new HashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        JsonNode json;
        try {
            json = body.length == 0 ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (IOException e) {
            json = MissingNode.getInstance();
        }
        return new RecordedRequest(parts[0], parts.length > 1 ? parts[1] : "", headers, json, body.length);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            out.write(b);
        }
        if (b < 0 && out.size() == 0) {
            return null;
        }
        String s = out.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Best effort at shutdown.
        }
    }
}
