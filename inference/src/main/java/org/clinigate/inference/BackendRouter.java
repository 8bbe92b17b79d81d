package org.clinigate.inference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.clinigate.core.chat.ChatBackend;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ChatSink;
import org.clinigate.core.chat.ChatStream;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.health.Readiness;

/**
 * A {@link ChatBackend} that routes each request by its model name to the one backend that serves it, for example
 * {@code medgemma-27b} to vLLM and {@code medgemma-4b} in-process. An unknown model fails with {@link
 * ErrorCode#CG_2002}, naming the configured models (never the requested name, which is client text). Immutable
 * and thread safe.
 */
public final class BackendRouter implements ChatBackend {

    private final Map<String, ChatBackend> byModel;
    private final List<ChatBackend> backends;

    /**
     * @throws ClinigateException {@link ErrorCode#CG_1001} when two backends claim one model name
     */
    public BackendRouter(List<? extends ChatBackend> backends) {
        this.backends = List.copyOf(backends);
        Map<String, ChatBackend> map = new LinkedHashMap<>();
        for (ChatBackend b : this.backends) {
            for (String model : b.models()) {
                ChatBackend previous = map.putIfAbsent(model, b);
                if (previous != null) {
                    throw new ClinigateException(ErrorCode.CG_1001, "model " + model + " is served by backends "
                            + previous.name() + " and " + b.name() + "; each model name needs one backend");
                }
            }
        }
        this.byModel = Map.copyOf(map);
    }

    /** The backend for {@code model}. */
    public ChatBackend route(String model) {
        ChatBackend backend = byModel.get(model);
        if (backend == null) {
            throw new ClinigateException(ErrorCode.CG_2002, "no backend serves the requested model; available: "
                    + String.join(", ", models()));
        }
        return backend;
    }

    public List<ChatBackend> backends() {
        return backends;
    }

    @Override
    public String name() {
        return "router";
    }

    @Override
    public Set<String> models() {
        return new TreeSet<>(byModel.keySet());
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        return route(request.model()).complete(request);
    }

    @Override
    public ChatStream stream(ChatRequest request, ChatSink sink) {
        return route(request.model()).stream(request, sink);
    }

    /** Ready when every backend is; the detail lists each backend's own. */
    @Override
    public Readiness readiness() {
        List<Readiness> all = backends.stream().map(ChatBackend::readiness).toList();
        String detail = all.stream().map(Readiness::detail).collect(Collectors.joining("; "));
        boolean ready = !all.isEmpty() && all.stream().allMatch(Readiness::ready);
        return new Readiness(ready, all.isEmpty() ? "no backends configured" : detail);
    }
}
