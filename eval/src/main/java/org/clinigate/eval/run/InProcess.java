package org.clinigate.eval.run;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import org.clinigate.core.chat.ChatBackend;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.pipeline.ChatCall;
import org.clinigate.core.pipeline.ChatPipeline;
import org.clinigate.core.pipeline.InMemoryVault;
import org.clinigate.core.pipeline.PipelineObserver;
import org.clinigate.core.pipeline.Principal;
import org.clinigate.deid.ClinicalDeidentifier;
import org.clinigate.inference.llama.LlamaBackend;
import org.clinigate.inference.llama.LlamaConfig;
import org.clinigate.safety.SafetyRails;

/**
 * Responders that run in this process: a {@link ChatBackend} called directly (raw), or through the production
 * {@link ChatPipeline} with the clinical de-identifier, an in-memory vault and the bundled safety rails (pipeline),
 * which is the gateway's request path without HTTP, authentication or audit.
 */
public final class InProcess {

    private InProcess() {
    }

    /** The backend called directly. */
    public static Responder raw(ChatBackend backend) {
        Objects.requireNonNull(backend, "backend");
        return request -> Reply.of(backend.complete(request).content());
    }

    /** The backend behind de-identification and the bundled rails. */
    public static Responder pipeline(ChatBackend backend) {
        SafetyRails rails = SafetyRails.defaults();
        ChatPipeline pipeline = new ChatPipeline(ClinicalDeidentifier.create(), backend, new InMemoryVault(10_000),
                PipelineObserver.NONE, rails.input(), rails.output());
        return request -> {
            ChatPipeline.Result r = pipeline.complete(new ChatCall(Principal.local(), request, null, null));
            ChatResponse resp = r.response();
            return new Reply(resp.content(), r.rails().ruleIds(), r.rails().input().label(), r.rails().output()
                    .label());
        };
    }

    /**
     * A GGUF model loaded by llama.cpp under the name {@code model}. The inference module loads each file once per
     * JVM and never unloads it (its native memory is not given back), so callers share one backend per file.
     */
    public static LlamaBackend llama(Path gguf, String model, int threads, int maxTokens) {
        LlamaConfig config = LlamaConfig.defaults("eval", gguf, Set.of(model)).withThreads(Math.max(1, threads))
                .withDefaultMaxTokens(maxTokens);
        LlamaBackend backend = new LlamaBackend(config);
        backend.load();
        return backend;
    }

}
