package org.clinigate.core.registry;

import java.util.Objects;
import java.util.Set;
import org.clinigate.core.chat.ChatBackend;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ChatSink;
import org.clinigate.core.chat.ChatStream;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.health.Readiness;

/**
 * A {@link ChatBackend} in front of the real one that lets requests reach approved adapters only. A client names an
 * adapter in the model field as {@code BASE:ADAPTER} (for example {@code medgemma-4b:cardiology-v2}), in chat and
 * in tasks alike. The gate looks the adapter up in the registry on every request, so an approval or a retirement
 * takes effect at once on every instance:
 * <ul>
 * <li>unknown name, or a base model that is not a registered adapter: {@code CG-7101} (404);
 * <li>an adapter of another base model, or one that is not approved: {@code CG-7102} (403);
 * <li>approved: the request goes on as {@code BASE}, carrying an {@link AdapterSelection} for the backend.
 * </ul>
 * A model name without a colon passes unchanged. Messages name no client text. Thread safe.
 */
public final class AdapterGate implements ChatBackend {

    private final ChatBackend delegate;
    private final ModelRegistry registry;

    public AdapterGate(ChatBackend delegate, ModelRegistry registry) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.registry = Objects.requireNonNull(registry, "registry");
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
        return delegate.complete(select(request));
    }

    @Override
    public ChatStream stream(ChatRequest request, ChatSink sink) {
        return delegate.stream(select(request), sink);
    }

    @Override
    public Readiness readiness() {
        return delegate.readiness();
    }

    /** The request the backend gets: the base model plus the approved adapter, or refused. */
    ChatRequest select(ChatRequest request) {
        String model = request.model();
        int colon = model.indexOf(':');
        if (colon < 0) {
            return request.extra().containsKey(AdapterSelection.EXTRA)
                    ? new ChatRequest(model, request.messages(), request.temperature(), request.topP(),
                            request.maxTokens(), request.stop(), request.seed(), request.responseFormat(),
                            AdapterSelection.forwardable(request))
                    : request;
        }
        String base = model.substring(0, colon);
        String adapter = model.substring(colon + 1);
        RegistryEntry e = RegistryChecks.NAME.matcher(adapter).matches() ? registry.find(adapter).orElse(null) : null;
        if (e == null || e.kind() != EntryKind.ADAPTER) {
            throw new ClinigateException(ErrorCode.CG_7101, "no registered adapter of this name; write the model as "
                    + "BASE:ADAPTER with an adapter from 'clinigate registry list'");
        }
        if (!e.baseModel().equals(base)) {
            throw new ClinigateException(ErrorCode.CG_7102, "adapter " + e.name() + " belongs to base model "
                    + e.baseModel());
        }
        if (!e.approved()) {
            throw new ClinigateException(ErrorCode.CG_7102, "adapter " + e.name() + " is " + e.state().label()
                    + "; only approved adapters serve requests");
        }
        return new AdapterSelection(e.name(), e.location(), 1.0).applyTo(request, base);
    }
}
