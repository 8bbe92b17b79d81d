package org.clinigate.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Run in its own JVM by {@link HttpClientDefaultsTest}: a loopback server that answers the first request of each
 * connection with keep-alive, and closes the connection when the next request arrives on it, as a model server
 * does when its idle timeout fires just as a request is sent; two POSTs. Prints "second POST: 200" or "second POST
 * failed: ExceptionClass".
 */
public final class StaleConnectionProbe {

    private StaleConnectionProbe() {
    }

    public static void main(String[] args) throws Exception {
        Main.httpClientDefaults();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        Thread.ofVirtual().start(() -> answerOnceThenClose(s));
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest post = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            System.out.println("first POST: " + http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode());
            try {
                System.out.println("second POST: " + http.send(post, HttpResponse.BodyHandlers.ofString())
                        .statusCode());
            } catch (Exception e) {
                System.out.println("second POST failed: " + e.getClass().getSimpleName());
            }
        }
    }

    private static void answerOnceThenClose(Socket s) {
        try (s) {
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            readRequest(in);
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\n{}".getBytes(
                    StandardCharsets.US_ASCII));
            out.flush();
            readRequest(in); // the next request on this connection: closed without an answer
        } catch (Exception ignored) {
            // the probe reports what the client saw
        }
    }

    private static void readRequest(BufferedReader in) throws java.io.IOException {
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.skip(length);
    }
}
