package org.clinigate.inference.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A LoRA adapter for {@link TinyGemma} as a GGUF file, in the layout llama.cpp b4916 reads: {@code general.type}
 * adapter, {@code adapter.type} lora, {@code adapter.lora.alpha}, and for each adapted weight W (ggml shape
 * [in, out]) a pair {@code W.lora_a} [in, r] and {@code W.lora_b} [r, out]. Random weights (fixed seed), large
 * enough that applying the adapter changes what the tiny model generates.
 */
public final class TinyLora {

    public static final int RANK = 4;

    private TinyLora() {
    }

    /** Writes the adapter to {@code file} unless it is already there, and returns the path. */
    public static Path writeTo(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                writer(7).write(tmp);
                Files.move(tmp, file);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GgufWriter writer(long seed) {
        Random random = new Random(seed);
        GgufWriter w = new GgufWriter().put("general.architecture", "gemma3").put("general.type", "adapter")
                .put("general.name", "tiny-gemma3-lora-test").put("general.alignment", 32)
                .put("adapter.type", "lora").put("adapter.lora.alpha", (float) RANK);
        int q = TinyGemma.HEADS * TinyGemma.HEAD_DIM;
        for (int l = 0; l < TinyGemma.LAYERS; l++) {
            String b = "blk." + l + ".";
            pair(w, random, b + "attn_q.weight", TinyGemma.EMBEDDING, q);
            pair(w, random, b + "ffn_up.weight", TinyGemma.EMBEDDING, TinyGemma.FEED_FORWARD);
            pair(w, random, b + "ffn_down.weight", TinyGemma.FEED_FORWARD, TinyGemma.EMBEDDING);
        }
        return w;
    }

    private static void pair(GgufWriter w, Random random, String weight, int in, int out) {
        w.tensor(weight + ".lora_a", gaussian(random, in * RANK, 0.5f), in, RANK);
        w.tensor(weight + ".lora_b", gaussian(random, RANK * out, 0.5f), RANK, out);
    }

    private static float[] gaussian(Random random, int n, float std) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) random.nextGaussian() * std;
        }
        return a;
    }
}
