package org.clinigate.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.clinigate.core.chat.ChatBackend;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ChatSink;
import org.clinigate.core.chat.ChatStream;
import org.clinigate.core.health.Readiness;

/**
 * An HTTP backend whose readiness includes whether its server answers at all: a {@code GET
 * /models} every few seconds, in the background, so {@code /readyz} never waits on the network. Any
 * HTTP answer (even 401) counts as reachable; a refused connection or a time-out does not.
 * Generation is delegated unchanged. Thread safe.
 */
final class ProbedBackend implements ChatBackend, AutoCloseable {

    private final ChatBackend delegate;
    private final URI models;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile String problem = "not probed yet";

    ProbedBackend(ChatBackend delegate, URI baseUrl, ScheduledExecutorService scheduler, Duration every) {
        this.delegate = delegate;
        String base = baseUrl.toString();
        this.models = URI.create(base.endsWith("/") ? base + "models" : base + "/models");
        scheduler.scheduleWithFixedDelay(this::probe, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void probe() {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(models).timeout(Duration.ofSeconds(3)).GET()
                    .build(), HttpResponse.BodyHandlers.discarding());
            problem = r.statusCode() >= 500 ? "the server answers " + r.statusCode() : null;
        } catch (java.io.IOException e) {
            problem = "the server cannot be reached (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Set<String> models() {
        return delegate.models();
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        return delegate.complete(request);
    }

    @Override
    public ChatStream stream(ChatRequest request, ChatSink sink) {
        return delegate.stream(request, sink);
    }

    @Override
    public Readiness readiness() {
        Readiness inner = delegate.readiness();
        String p = problem;
        if (p != null) {
            return Readiness.notReady("backend " + name() + ": " + p + "; check backends[].url");
        }
        return inner;
    }

    @Override
    public void close() throws Exception {
        if (delegate instanceof AutoCloseable c) {
            c.close();
        }
    }
}
