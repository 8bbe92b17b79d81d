package org.clinigate.inference.llama;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Settings of one in-process llama.cpp backend. Every number that reaches native code is checked here, because an
 * invalid native argument aborts the JVM instead of throwing. A wrong value fails with {@link ErrorCode#CG_1001}
 * naming the setting under {@code backends.<name>.}.
 *
 * @param name the backend's name, 1 to 32 of {@code [a-z0-9-]}
 * @param modelPath the GGUF file; null when none is configured yet (the backend then reports what to set)
 * @param models the model names clients use for it, for example {@code medgemma-4b}
 * @param contextSize total KV cache in tokens, shared by all slots: [256, 131072]
 * @param slots parallel sequences (llama.cpp {@code --parallel}): [1, 16]; each gets {@code contextSize / slots}
 * @param threads CPU threads for generation: [1, 256]
 * @param gpuLayers layers to offload to a GPU: [0, 1000]; ignored by a CPU-only build
 * @param defaultMaxTokens the generation limit when a request gives none: [1, contextSize / slots]
 * @param slotWait how long a request may wait for a free slot before it is refused as busy
 * @param generationTimeout the longest one generation may run
 * @param cachePrompt reuse a slot's KV cache across requests with a common prefix: faster, but the same seed may
 *     then give a different output, because batch shapes change the arithmetic
 * @param loraPath a GGUF LoRA adapter loaded with the model but applied only to requests that select it through
 *     the registry (per-request scale; ADR 0018), or null for none
 */
public record LlamaConfig(String name, Path modelPath, Set<String> models, int contextSize, int slots, int threads,
        int gpuLayers, int defaultMaxTokens, Duration slotWait, Duration generationTimeout, boolean cachePrompt,
        Path loraPath) {

    /** Settings without a LoRA adapter. */
    public LlamaConfig(String name, Path modelPath, Set<String> models, int contextSize, int slots, int threads,
            int gpuLayers, int defaultMaxTokens, Duration slotWait, Duration generationTimeout, boolean cachePrompt) {
        this(name, modelPath, models, contextSize, slots, threads, gpuLayers, defaultMaxTokens, slotWait,
                generationTimeout, cachePrompt, null);
    }

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,32}");

    public LlamaConfig {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new ClinigateException(ErrorCode.CG_1001, "backends.<name> must be 1 to 32 of [a-z0-9-]");
        }
        models = Set.copyOf(models);
        if (models.isEmpty() || models.stream().anyMatch(m -> m.isBlank() || m.length() > 128)) {
            throw bad(name, "models", "a non-empty list of names of 1 to 128 characters", models.size());
        }
        range(name, "context-size", contextSize, 256, 131_072);
        range(name, "slots", slots, 1, 16);
        range(name, "context-size / slots", contextSize / slots, 256, 131_072);
        range(name, "threads", threads, 1, 256);
        range(name, "gpu-layers", gpuLayers, 0, 1000);
        range(name, "default-max-tokens", defaultMaxTokens, 1, contextSize / slots);
        positive(name, "slot-wait", slotWait);
        positive(name, "generation-timeout", generationTimeout);
    }

    /**
     * Sensible defaults for a laptop: 4096 tokens of context in one slot, threads from the CPU count, 512 tokens per
     * answer unless asked otherwise.
     */
    public static LlamaConfig defaults(String name, Path modelPath, Set<String> models) {
        int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        return new LlamaConfig(name, modelPath, models, 4096, 1, threads, 0, 512, Duration.ofSeconds(30),
                Duration.ofMinutes(10), false);
    }

    /** The context window of one slot, in tokens. */
    public int slotContext() {
        return contextSize / slots;
    }

    public LlamaConfig withSlots(int contextSize, int slots) {
        return new LlamaConfig(name, modelPath, models, contextSize, slots, threads, gpuLayers,
                Math.min(defaultMaxTokens, contextSize / Math.max(1, slots)), slotWait, generationTimeout,
                cachePrompt, loraPath);
    }

    public LlamaConfig withThreads(int n) {
        return new LlamaConfig(name, modelPath, models, contextSize, slots, n, gpuLayers, defaultMaxTokens, slotWait,
                generationTimeout, cachePrompt, loraPath);
    }

    public LlamaConfig withDefaultMaxTokens(int n) {
        return new LlamaConfig(name, modelPath, models, contextSize, slots, threads, gpuLayers, n, slotWait,
                generationTimeout, cachePrompt, loraPath);
    }

    /** These settings with a LoRA adapter file loaded beside the model, applied per request. */
    public LlamaConfig withLora(Path lora) {
        return new LlamaConfig(name, modelPath, models, contextSize, slots, threads, gpuLayers, defaultMaxTokens,
                slotWait, generationTimeout, cachePrompt, lora == null ? null : lora.toAbsolutePath().normalize());
    }

    private static void range(String backend, String setting, int value, int min, int max) {
        if (value < min || value > max) {
            throw bad(backend, setting, "in [" + min + ", " + max + "]", value);
        }
    }

    private static void positive(String backend, String setting, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new ClinigateException(ErrorCode.CG_1001,
                    "backends." + backend + "." + setting + " must be a positive duration");
        }
    }

    private static ClinigateException bad(String backend, String setting, String allowed, Object got) {
        return new ClinigateException(ErrorCode.CG_1001,
                "backends." + backend + "." + setting + " must be " + allowed + ", got " + got);
    }
}
