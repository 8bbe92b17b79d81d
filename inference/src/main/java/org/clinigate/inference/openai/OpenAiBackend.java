package org.clinigate.inference.openai;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Set;
import org.clinigate.core.chat.ChatBackend;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ChatSink;
import org.clinigate.core.chat.ChatStream;
import org.clinigate.core.chat.StreamControl;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.health.Readiness;

/**
 * A {@link ChatBackend} that calls an OpenAI-compatible server (vLLM, Ollama, llama.cpp server, TGI) over {@code
 * POST /chat/completions}, with {@link java.net.http.HttpClient} and Jackson. Standard fields, image parts and
 * {@code response_format} pass through; client model names map to the server's own.
 *
 * <p>Resilience: connect, first-token and total time-outs; retries with exponential back-off for connection
 * failures, 5xx, 408 and 429, but only before the first token reaches the sink; a resilience4j circuit breaker
 * that refuses calls while the backend keeps failing (4xx answers and cancels do not count as failures).
 *
 * <p>Failures map to stable codes: unreachable or breaker open {@link ErrorCode#CG_2101}, time-out {@link
 * ErrorCode#CG_2102}, malformed JSON, wrong content type or a stream cut short {@link ErrorCode#CG_2103}, 5xx
 * {@link ErrorCode#CG_2104}, other 4xx {@link ErrorCode#CG_2105}, 429 {@link ErrorCode#CG_2106}. Messages carry
 * status codes and sizes, never a body or prompt text.
 *
 * <p>Streams run on virtual threads (all blocking here is in Java). Thread safe. {@link #close()} releases the HTTP
 * client and the timer thread.
 */
public final class OpenAiBackend implements ChatBackend, AutoCloseable {

    private final OpenAiConfig config;
    private final Transport transport;

    public OpenAiBackend(OpenAiConfig config) {
        this.config = config;
        this.transport = Transport.create(config);
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public Set<String> models() {
        return config.models().keySet();
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        StreamControl control = new StreamControl(ChatSink.discarding());
        new Call(transport, request, upstream(request), control, false).run();
        return control.await();
    }

    @Override
    public ChatStream stream(ChatRequest request, ChatSink sink) {
        StreamControl control = new StreamControl(sink);
        Call call = new Call(transport, request, upstream(request), control, true);
        Thread.ofVirtual().name("openai-" + config.name()).start(call);
        return control;
    }

    /**
     * The model name sent upstream: the configured name for the client's model, or, when the registry's gate chose
     * an approved adapter, the adapter's served name (vLLM {@code --lora-modules NAME=PATH}; ADR 0018).
     */
    private String upstream(ChatRequest request) {
        String upstream = config.models().get(request.model());
        if (upstream == null) {
            throw new ClinigateException(ErrorCode.CG_2002, "backend " + config.name() + " serves " + models());
        }
        return org.clinigate.core.registry.AdapterSelection.of(request)
                .map(org.clinigate.core.registry.AdapterSelection::location).orElse(upstream);
    }

    @Override
    public Readiness readiness() {
        CircuitBreaker.State state = transport.breaker().getState();
        float failureRate = transport.breaker().getMetrics().getFailureRate();
        String rate = failureRate < 0 ? "not enough calls yet" : Math.round(failureRate) + " % of recent calls failed";
        String detail = "backend " + config.name() + ": circuit " + state.name().toLowerCase() + ", " + rate;
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN
                ? Readiness.notReady(detail + "; calls are refused until the breaker lets trial calls through")
                : Readiness.ready(detail);
    }

    /** The circuit breaker's state, for metrics and tests. */
    public CircuitBreaker.State circuitState() {
        return transport.breaker().getState();
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "OpenAiBackend[" + config + "]";
    }
}
