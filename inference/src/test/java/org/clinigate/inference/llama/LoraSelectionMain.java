package org.clinigate.inference.llama;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.registry.AdapterSelection;
import org.clinigate.inference.testing.TinyGemma;
import org.clinigate.inference.testing.TinyLora;

/**
 * Run in a child JVM by {@link LoraSelectionTest}: the tiny model loaded through {@link LlamaBackend} with the tiny
 * adapter, then greedy answers for the base model, for the adapter selected at scale 1, for the base again (the
 * adapter must not stick), and for an adapter this backend did not load. Prints {@code KEY=value} lines.
 */
public final class LoraSelectionMain {

    private LoraSelectionMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (RuntimeException e) {
            System.out.println("FAILED=" + e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            // llama.cpp attaches a non-daemon thread: without exit the JVM would never end.
            System.out.flush();
            System.exit(0);
        }
    }

    private static void run(String[] args) throws java.io.IOException {
        Path dir = Path.of(args[0]);
        Path model = TinyGemma.writeTo(dir.resolve("tiny-gemma3.gguf"));
        Path lora = TinyLora.writeTo(dir.resolve("tiny-lora.gguf"));
        // A second copy: a process loads each file once, and the adapter's load is another setting.
        Path copy = dir.resolve("tiny-gemma3-copy.gguf");
        if (!java.nio.file.Files.exists(copy)) {
            java.nio.file.Files.copy(model, copy);
        }
        LlamaBackend plain = new LlamaBackend(LlamaConfig.defaults("plain", copy, Set.of("plain"))
                .withSlots(512, 1).withThreads(2));
        LlamaBackend withLora = new LlamaBackend(LlamaConfig.defaults("tiny", model, Set.of("tiny"))
                .withSlots(512, 1).withThreads(2).withLora(lora));
        plain.load();
        withLora.load();
        System.out.println("PLAIN=" + answer(plain, request("plain", null)));
        System.out.println("BASE=" + answer(withLora, request("tiny", null)));
        System.out.println("ADAPTER=" + answer(withLora, request("tiny", lora.toString())));
        System.out.println("BASE_AGAIN=" + answer(withLora, request("tiny", null)));
        try {
            answer(withLora, request("tiny", dir.resolve("other-lora.gguf").toString()));
            System.out.println("OTHER=served");
        } catch (ClinigateException e) {
            System.out.println("OTHER=" + e.code().code());
        }
        try {
            answer(plain, request("plain", lora.toString()));
            System.out.println("UNLOADED=served");
        } catch (ClinigateException e) {
            System.out.println("UNLOADED=" + e.code().code());
        }
    }

    static ChatRequest request(String model, String adapter) {
        ChatRequest r = ChatRequest.builder(model).user("the patient dose").build();
        if (adapter == null) {
            return new ChatRequest(model, r.messages(), 0.0, null, 12, null, 1L, null, null);
        }
        return new ChatRequest(model, r.messages(), 0.0, null, 12, null, 1L, null, Map.of(AdapterSelection.EXTRA,
                Map.of("name", "cardio", "location", adapter, "scale", 1.0)));
    }

    static String answer(LlamaBackend b, ChatRequest r) {
        return b.complete(r).content().replace("\n", "\\n");
    }
}
