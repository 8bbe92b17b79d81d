package org.clinigate.inference.llama;

import java.util.HashMap;
import java.util.Map;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * The process-wide set of loaded models. Each GGUF file is loaded at most once and never unloaded, because the
 * binding's {@code close()} leaks native memory: reloading would grow the process without bound. Backends (and
 * test classes) that name the same file with the same settings share one {@link LoadedModel}. Thread safe.
 */
final class ModelRegistry {

    private static final Map<LoadedModel.Key, LoadedModel> LOADED = new HashMap<>();
    private static int nativeLoads;

    private ModelRegistry() {
    }

    /**
     * Returns the loaded model for {@code config}, loading it on first use. Blocks while a load runs.
     *
     * @throws ClinigateException {@link ErrorCode#CG_2107} when the file is missing or cannot be loaded; {@link
     *     ErrorCode#CG_1001} when the file is already loaded with other settings
     */
    static synchronized LoadedModel acquire(LlamaConfig config) {
        LoadedModel.Key key = LoadedModel.Key.of(config);
        LoadedModel loaded = LOADED.get(key);
        if (loaded != null) {
            return loaded;
        }
        if (LOADED.keySet().stream().anyMatch(k -> k.file().equals(key.file()))) {
            throw new ClinigateException(ErrorCode.CG_1001, "backends." + config.name()
                    + " names a model file that this process already loaded with other context-size, slots, threads,"
                    + " gpu-layers or lora-path; a model is loaded once per process, so give every backend the same settings");
        }
        loaded = LoadedModel.open(config);
        nativeLoads++;
        LOADED.put(key, loaded);
        return loaded;
    }

    /** How many times native code has loaded a model in this process; for tests of the load-once rule. */
    static synchronized int nativeLoads() {
        return nativeLoads;
    }
}
