package org.clinigate.inference.llama;

import java.nio.file.Path;
import java.util.Set;
import org.clinigate.inference.testing.TinyGemma;

/**
 * The tiny gemma3 test model, written once under {@code target/} and loaded once per JVM: every test class that
 * asks for it gets the same backend settings, so {@link ModelRegistry} loads the file a single time.
 */
final class TinyModel {

    static final String MODEL = "tiny-gemma";
    static final Path FILE = Path.of("target", "test-models", "tiny-gemma3.gguf");
    private static LlamaBackend backend;

    private TinyModel() {
    }

    static LlamaConfig config() {
        return LlamaConfig.defaults("tiny", TinyGemma.writeTo(FILE), Set.of(MODEL)).withSlots(1024, 2).withThreads(2)
                .withDefaultMaxTokens(64);
    }

    static synchronized LlamaBackend backend() {
        if (backend == null) {
            backend = new LlamaBackend(config());
            backend.load();
        }
        return backend;
    }
}
