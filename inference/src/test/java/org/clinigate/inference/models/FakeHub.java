package org.clinigate.inference.models;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for Hugging Face and its CDN: two HTTP servers on different ports. The hub answers {@code
 * /{repo}/resolve/{revision}/{file}} itself or, when {@link #viaCdn} is set, redirects to the CDN as Hugging Face
 * does for LFS files, stating the sha256 in {@code X-Linked-Etag}. Both honour {@code Range} unless told otherwise,
 * and every request is recorded.
 */
final class FakeHub implements AutoCloseable {

    /** One request as a server saw it. */
    record Seen(String server, String path, String authorization, String range) {
    }

    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    volatile boolean viaCdn;
    volatile boolean statesSha256 = true;
    volatile String statedSha256;
    volatile boolean ignoresRange;
    volatile String requiredToken;
    /** Number of responses still to cut off after {@link #dropAfterBytes} body bytes. */
    final AtomicInteger drops = new AtomicInteger();
    volatile int dropAfterBytes;
    /** Number of responses still to stall (send part, then go silent) after {@link #dropAfterBytes}. */
    final AtomicInteger stalls = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);

    private final HttpServer hub;
    private final HttpServer cdn;

    FakeHub() throws IOException {
        hub = server("hub");
        cdn = server("cdn");
    }

    private HttpServer server(String name) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", ex -> {
            try (ex) {
                handle(name, ex);
            } catch (IOException e) {
                // A dropped connection, on purpose.
            }
        });
        s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        s.start();
        return s;
    }

    String endpoint() {
        return "http://" + hub.getAddress().getHostString() + ":" + hub.getAddress().getPort();
    }

    /** Serves {@code bytes} at {@code repo}'s main revision as {@code file}. */
    void serve(String repo, String file, byte[] bytes) {
        files.put("/" + repo + "/resolve/main/" + file, bytes);
    }

    List<Seen> seenBy(String server) {
        return seen.stream().filter(s -> s.server().equals(server)).toList();
    }

    private void handle(String server, HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String range = ex.getRequestHeaders().getFirst("Range");
        seen.add(new Seen(server, path, auth, range));
        String key = server.equals("cdn") ? path.substring("/blob".length()) : path;
        byte[] body = files.get(key);
        if (server.equals("hub") && requiredToken != null && !("Bearer " + requiredToken).equals(auth)) {
            reply(ex, auth == null ? 401 : 403, "{\"error\":\"Access to model is restricted.\"}".getBytes());
            return;
        }
        if (body == null) {
            reply(ex, 404, "{\"error\":\"Entry not found\"}".getBytes());
            return;
        }
        if (server.equals("hub") && viaCdn) {
            if (statesSha256) {
                ex.getResponseHeaders().add("X-Linked-Etag",
                        "\"" + (statedSha256 != null ? statedSha256 : sha256(body)) + "\"");
            }
            ex.getResponseHeaders().add("X-Linked-Size", Long.toString(body.length));
            ex.getResponseHeaders().add("Location", "http://" + cdn.getAddress().getHostString() + ":"
                    + cdn.getAddress().getPort() + "/blob" + path + "?signature=abc");
            ex.sendResponseHeaders(302, -1);
            return;
        }
        sendBody(ex, body, range);
    }

    private void sendBody(HttpExchange ex, byte[] body, String range) throws IOException {
        int start = 0;
        if (range != null && !ignoresRange) {
            start = Integer.parseInt(range.replace("bytes=", "").replace("-", ""));
            if (start >= body.length) {
                ex.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
                ex.sendResponseHeaders(416, -1);
                return;
            }
            ex.getResponseHeaders().add("Content-Range",
                    "bytes " + start + "-" + (body.length - 1) + "/" + body.length);
            ex.sendResponseHeaders(206, body.length - start);
        } else {
            ex.sendResponseHeaders(200, body.length);
        }
        OutputStream out = ex.getResponseBody();
        int end = body.length;
        boolean cut = drops.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        boolean stall = !cut && stalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        if (cut || stall) {
            end = Math.min(body.length, start + dropAfterBytes);
        }
        out.write(body, start, end - start);
        out.flush();
        if (stall) {
            try {
                closing.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // When cut short, closing the exchange with bytes still owed closes the connection.
    }

    private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        hub.stop(0);
        cdn.stop(0);
    }
}
