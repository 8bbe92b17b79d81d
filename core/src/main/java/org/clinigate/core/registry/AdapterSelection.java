package org.clinigate.core.registry;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * An approved adapter chosen for one request, as {@link AdapterGate} hands it to the backend: inside the request's
 * {@code extra} map under {@link #EXTRA}, a key no client can set (the HTTP parser accepts only named sampling
 * fields there, and the gate removes the key from every request it did not build). An OpenAI-compatible backend
 * sends {@link #location} as the upstream model name (vLLM multi-LoRA) and never forwards the key; the in-process
 * backend applies the LoRA file at {@link #location} with {@link #scale} for this request only.
 *
 * @param name the registry name
 * @param location the served adapter name (vLLM) or the GGUF LoRA file (in-process)
 * @param scale the LoRA scale for this request, in [0, 4]
 */
public record AdapterSelection(String name, String location, double scale) {

    /** The key in {@link ChatRequest#extra()}. */
    public static final String EXTRA = "clinigate_adapter";

    public AdapterSelection {
        RegistryChecks.name("adapter", name);
        RegistryChecks.line("location", location, 1024);
        if (!(scale >= 0 && scale <= 4)) {
            throw new ClinigateException(ErrorCode.CG_7105, "adapter scale must be in [0, 4]");
        }
    }

    /** The selection the gate put into {@code request}, if any. */
    public static Optional<AdapterSelection> of(ChatRequest request) {
        Object v = request.extra().get(EXTRA);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Map<?, ?> m) || !(m.get("scale") instanceof Number scale)) {
            throw new ClinigateException(ErrorCode.CG_1999, "malformed adapter selection");
        }
        return Optional.of(new AdapterSelection(String.valueOf(m.get("name")), String.valueOf(m.get("location")),
                scale.doubleValue()));
    }

    /** {@code request}'s extra fields without the selection, for a backend that forwards the rest. */
    public static Map<String, Object> forwardable(ChatRequest request) {
        if (!request.extra().containsKey(EXTRA)) {
            return request.extra();
        }
        Map<String, Object> m = new HashMap<>(request.extra());
        m.remove(EXTRA);
        return m;
    }

    /** {@code request} for {@code model}, carrying this selection. */
    ChatRequest applyTo(ChatRequest request, String model) {
        Map<String, Object> extra = new HashMap<>(forwardable(request));
        extra.put(EXTRA, Map.of("name", name, "location", location, "scale", scale));
        return new ChatRequest(model, request.messages(), request.temperature(), request.topP(),
                request.maxTokens(), request.stop(), request.seed(), request.responseFormat(), extra);
    }
}
