package org.clinigate.inference.llama;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * A GGUF model loaded into llama.cpp, with its slots. Never closed: the binding's {@code close()} leaks native
 * memory, so a model stays for the life of the process (see {@link ModelRegistry}).
 *
 * <p>Generation runs on platform threads owned here, never on the caller's thread: a virtual thread that blocks in
 * native code pins its carrier, and a gateway on two cores has two carriers. A {@link Semaphore} with one permit
 * per slot bounds concurrent generations; llama.cpp would otherwise queue them invisibly. Thread safe.
 *
 * @param key the settings this model was loaded with
 */
record LoadedModel(LlamaModel model, GgufInfo info, Key key, Semaphore slots, ExecutorService workers) {

    /** What identifies a loaded model: the file and every setting passed to native code at load time. */
    record Key(Path file, int contextSize, int slots, int threads, int gpuLayers, Path lora) {
        static Key of(LlamaConfig c) {
            return new Key(c.modelPath().toAbsolutePath().normalize(), c.contextSize(), c.slots(), c.threads(),
                    c.gpuLayers(), c.loraPath() == null ? null : c.loraPath().toAbsolutePath().normalize());
        }
    }

    static LoadedModel open(LlamaConfig config) {
        Key key = Key.of(config);
        if (!Files.isRegularFile(key.file()) || !Files.isReadable(key.file())) {
            throw new ClinigateException(ErrorCode.CG_2107, "backends." + config.name()
                    + ".model-path does not name a readable file; download one (clinigate model pull medgemma-4b-it)"
                    + " and set it");
        }
        GgufInfo info = GgufInfo.read(key.file());
        check(config, info);
        if (key.lora() != null) {
            checkLora(config, key.lora(), info);
        }
        LlamaModel model;
        try {
            model = new LlamaModel(parameters(config, key));
        } catch (RuntimeException e) {
            // The binding's LlamaException is package-private; its message is dropped either way.
            throw new ClinigateException(ErrorCode.CG_2107, "llama.cpp could not load the model of backends."
                    + config.name() + " (" + info.architecture() + ", " + info.tensorCount() + " tensors)");
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon()
                .name("llama-" + config.name() + "-" + n.incrementAndGet()).unstarted(r));
        return new LoadedModel(model, info, key, new Semaphore(config.slots(), true), workers);
    }

    /**
     * Native logging is off: llama.cpp's slot logs are not promised to stay free of prompt text across versions, and
     * a load failure is reported through our own codes. Context shift is off so that llama.cpp never drops part of
     * a conversation silently; prompts that do not fit are refused in Java instead.
     */
    private static ModelParameters parameters(LlamaConfig config, Key key) {
        ModelParameters p = new ModelParameters().setModel(key.file().toString()).setCtxSize(config.contextSize())
                .setParallel(config.slots()).setThreads(config.threads()).setThreadsBatch(config.threads())
                .disableContextShift().disableLog();
        if (key.lora() != null) {
            // Loaded, not applied: every request then names its own scale (0 for the base model). Never
            // addLoraScaledAdapter: the binding passes "file,scale" as one argument and llama.cpp aborts the JVM.
            p.addLoraAdapter(key.lora().toString()).setLoraInitWithoutApply();
        }
        return config.gpuLayers() > 0 ? p.setGpuLayers(config.gpuLayers()) : p;
    }

    /** The adapter's header, read in Java first: a foreign or truncated file never reaches native code. */
    private static void checkLora(LlamaConfig config, Path lora, GgufInfo model) {
        if (!Files.isRegularFile(lora) || !Files.isReadable(lora)) {
            throw new ClinigateException(ErrorCode.CG_2107, "backends." + config.name()
                    + ".lora-path does not name a readable file");
        }
        GgufInfo info;
        try {
            info = GgufInfo.read(lora);
        } catch (ClinigateException e) {
            throw new ClinigateException(ErrorCode.CG_2107, "backends." + config.name()
                    + ".lora-path is not a GGUF LoRA adapter (convert it with llama.cpp's convert_lora_to_gguf.py)");
        }
        if (!info.architecture().equals(model.architecture()) || info.tensorCount() == 0) {
            throw new ClinigateException(ErrorCode.CG_2107, "backends." + config.name() + ".lora-path is an adapter"
                    + " for " + info.architecture() + " with " + info.tensorCount() + " tensors; the model is "
                    + model.architecture());
        }
    }

    private static void check(LlamaConfig config, GgufInfo info) {
        if (info.chatTemplate() == null || !info.chatTemplate().contains(GemmaTemplate.MARKER)) {
            throw new ClinigateException(ErrorCode.CG_2107, "the model of backends." + config.name()
                    + " has no Gemma chat template; in-process serving supports the Gemma family (MedGemma)."
                    + " Serve other models through an openai backend, for example llama.cpp's own server");
        }
        if (info.contextLength() > 0 && config.slotContext() > info.contextLength()) {
            throw new ClinigateException(ErrorCode.CG_1001, "backends." + config.name()
                    + ".context-size / slots must be at most the model's trained context " + info.contextLength()
                    + ", got " + config.slotContext());
        }
    }

    /** Tokens of {@code prompt} as llama.cpp will see it: special tokens parsed, plus BOS. */
    int countTokens(String prompt) {
        return model.encode(prompt).length + 1;
    }

    @Override
    public String toString() {
        return "LoadedModel[" + info.architecture() + ", ctx=" + key.contextSize() + ", slots=" + key.slots() + "]";
    }
}
