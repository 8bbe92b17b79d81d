package org.clinigate.inference.llama;

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
 * A {@link ChatBackend} that runs a GGUF model in this process through llama.cpp (de.kherud:llama 4.2.0, llama.cpp
 * b4916). Built for the Gemma family: the prompt is rendered in Java from Gemma's chat format (MedGemma has no
 * system role), JSON schemas become grammars through the binding's converter, and every parameter is checked
 * before it reaches native code.
 *
 * <p>Life cycle: the constructor only checks settings. {@link #load()} loads the model (seconds to minutes), once
 * per process and file; until then {@link #readiness()} says what is missing and generation fails with {@link
 * ErrorCode#CG_2107}. There is no close: see {@link ModelRegistry}. A process that has loaded a model must end with
 * {@link System#exit}, because llama.cpp's worker thread is attached to the JVM as a non-daemon thread.
 *
 * <p>Failures: image parts give {@link ErrorCode#CG_2003} (route them to an openai backend); a prompt that does not
 * fit gives {@link ErrorCode#CG_2004}; no free slot within {@code slotWait} gives {@link ErrorCode#CG_2106}.
 * Thread safe.
 */
public final class LlamaBackend implements ChatBackend {

    private final LlamaConfig config;
    private final Grammars grammars = new Grammars();
    private volatile LoadedModel loaded;
    private volatile String problem;

    public LlamaBackend(LlamaConfig config) {
        this.config = config;
        this.problem = config.modelPath() == null
                ? "no model configured: set backends." + config.name()
                        + ".model-path to a GGUF file (clinigate model pull medgemma-4b-it)"
                : "model not loaded yet";
    }

    /**
     * Loads the model unless this process already has; blocks meanwhile. Safe to call from several threads.
     *
     * @throws ClinigateException {@link ErrorCode#CG_2107} when no model is configured or it cannot be loaded
     */
    public void load() {
        if (loaded != null) {
            return;
        }
        if (config.modelPath() == null) {
            throw new ClinigateException(ErrorCode.CG_2107, problem);
        }
        problem = "model loading";
        try {
            loaded = ModelRegistry.acquire(config);
        } catch (ClinigateException e) {
            problem = e.getMessage();
            throw e;
        }
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public Set<String> models() {
        return config.models();
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        return stream(request, ChatSink.discarding()).await();
    }

    @Override
    public ChatStream stream(ChatRequest request, ChatSink sink) {
        LoadedModel model = loaded;
        if (!config.models().contains(request.model())) {
            throw new ClinigateException(ErrorCode.CG_2002, "backend " + config.name() + " serves " + config.models());
        }
        if (model == null) {
            throw new ClinigateException(ErrorCode.CG_2107, "backend " + config.name() + ": " + problem);
        }
        if (request.hasImage()) {
            throw new ClinigateException(ErrorCode.CG_2003, "image input is not available in-process; route image"
                    + " requests to an openai backend (for example vLLM serving medgemma-4b-it)");
        }
        Float lora = loraScale(request);
        String prompt = GemmaTemplate.render(request.messages());
        NativeParameters params = NativeParameters.of(request, prompt, model.countTokens(prompt), config, grammars,
                lora);
        StreamControl control = new StreamControl(sink);
        model.workers().execute(new LlamaGeneration(model, params, request.model(), control, config));
        return control;
    }

    /**
     * The adapter scale for this request: the registry's selection when it names this backend's adapter file, 0
     * (the base model) without a selection, null when no adapter is loaded. A selection this backend cannot serve is
     * {@code CG-7108}. The scale is always sent when an adapter is loaded, because llama.cpp would otherwise apply
     * it at its load-time scale of 1.
     */
    private Float loraScale(ChatRequest request) {
        var selection = org.clinigate.core.registry.AdapterSelection.of(request);
        if (selection.isEmpty()) {
            return config.loraPath() == null ? null : 0f;
        }
        java.nio.file.Path wanted;
        try {
            wanted = java.nio.file.Path.of(selection.get().location()).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            wanted = null;
        }
        if (config.loraPath() == null || !config.loraPath().equals(wanted)) {
            throw new ClinigateException(ErrorCode.CG_7108, "adapter " + selection.get().name() + " is not loaded"
                    + " in backend " + config.name() + "; set backends." + config.name()
                    + ".lora-path to the adapter's registered GGUF file (one adapter per in-process model)");
        }
        return (float) selection.get().scale();
    }

    @Override
    public Readiness readiness() {
        LoadedModel model = loaded;
        if (model == null) {
            return Readiness.notReady("backend " + config.name() + ": " + problem);
        }
        return Readiness.ready("backend " + config.name() + ": " + model.info().architecture() + " loaded, "
                + model.key().slots() + " slots of " + config.slotContext() + " tokens");
    }

    /** The loaded model, or null; for tests and the throughput benchmark. */
    LoadedModel loadedModel() {
        return loaded;
    }

    @Override
    public String toString() {
        return "LlamaBackend[" + config.name() + ", models=" + config.models() + ", loaded=" + (loaded != null) + "]";
    }
}
