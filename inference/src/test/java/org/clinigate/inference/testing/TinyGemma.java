package org.clinigate.inference.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Builds a tiny gemma3 model with random weights (fixed seed) as a GGUF file, so that the in-process backend can be
 * tested without real weights. It has 6 layers (fewer crash llama.cpp b4916, whose gemma3 graph puts a global layer
 * every sixth), a SentencePiece vocabulary built here with byte fallback, and the Gemma 3 chat template. Its output
 * is noise; tests assert structure, never quality.
 */
public final class TinyGemma {

    public static final int LAYERS = 6;
    public static final int EMBEDDING = 128;
    public static final int HEADS = 4;
    public static final int KV_HEADS = 2;
    public static final int HEAD_DIM = 32;
    public static final int FEED_FORWARD = 256;
    public static final int CONTEXT = 4096;

    /** Gemma 3's chat template, as published in its tokenizer_config.json. */
    public static final String CHAT_TEMPLATE = """
            {{ bos_token }}
            {%- if messages[0]['role'] == 'system' -%}
                {%- if messages[0]['content'] is string -%}
                    {%- set first_user_prefix = messages[0]['content'] + '\n\n' -%}
                {%- else -%}
                    {%- set first_user_prefix = messages[0]['content'][0]['text'] + '\n\n' -%}
                {%- endif -%}
                {%- set loop_messages = messages[1:] -%}
            {%- else -%}
                {%- set first_user_prefix = "" -%}
                {%- set loop_messages = messages -%}
            {%- endif -%}
            {%- for message in loop_messages -%}
                {%- if (message['role'] == 'user') != (loop.index0 % 2 == 0) -%}
                    {{ raise_exception("Conversation roles must alternate user/assistant/user/assistant/...") }}
                {%- endif -%}
                {%- if (message['role'] == 'assistant') -%}
                    {%- set role = "model" -%}
                {%- else -%}
                    {%- set role = message['role'] -%}
                {%- endif -%}
                {{ '<start_of_turn>' + role + '\n' + (first_user_prefix if loop.first else "") }}
                {%- if message['content'] is string -%}
                    {{ message['content'] | trim }}
                {%- elif message['content'] is iterable -%}
                    {%- for item in message['content'] -%}
                        {%- if item['type'] == 'image' -%}
                            {{ '<start_of_image>' }}
                        {%- elif item['type'] == 'text' -%}
                            {{ item['text'] | trim }}
                        {%- endif -%}
                    {%- endfor -%}
                {%- else -%}
                    {{ raise_exception("Invalid content type") }}
                {%- endif -%}
                {{ '<end_of_turn>\n' }}
            {%- endfor -%}
            {%- if add_generation_prompt -%}
                {{'<start_of_turn>model\n'}}
            {%- endif -%}
            """;

    private static final String[] SPECIALS = {"<pad>", "<eos>", "<bos>", "<unk>", "<start_of_turn>", "<end_of_turn>"};
    private static final String[] WORDS = {"the", "patient", "dose", "pain", "mg", "daily", "severity", "urgent",
            "true", "false", "model", "user", "low", "high", "summary", "score"};
    /**
     * Embeddings are tied to the output, so a random model whose residual stream is dominated by the input embedding
     * only repeats its last token. Small embeddings and larger post-norm gains let the layers dominate instead.
     */
    private static final float POST_NORM = 2f;
    private static final int NORMAL = 1;
    private static final int UNKNOWN = 2;
    private static final int CONTROL = 3;
    private static final int BYTE = 6;

    private TinyGemma() {
    }

    /** Writes the model to {@code file} unless it is already there, and returns the path. */
    public static Path writeTo(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                writer(42).write(tmp);
                Files.move(tmp, file);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vocabulary: specials, 256 byte tokens, printable ASCII, then word pieces and all their prefixes. */
    public static List<String> vocabulary() {
        Set<String> pieces = new LinkedHashSet<>(List.of(SPECIALS));
        for (int b = 0; b < 256; b++) {
            pieces.add(String.format("<0x%02X>", b));
        }
        pieces.add("\u2581");
        for (char c = '!'; c <= '~'; c++) {
            pieces.add(String.valueOf(c));
        }
        for (String w : WORDS) {
            String piece = "\u2581" + w;
            for (int end = 2; end <= piece.length(); end++) {
                pieces.add(piece.substring(0, end));
            }
        }
        return new ArrayList<>(pieces);
    }

    static GgufWriter writer(long seed) {
        List<String> vocab = vocabulary();
        int n = vocab.size();
        float[] scores = new float[n];
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            String p = vocab.get(i);
            types[i] = i < SPECIALS.length ? (i == 3 ? UNKNOWN : CONTROL) : p.startsWith("<0x") ? BYTE : NORMAL;
            // SentencePiece merges the highest-scoring pair first; longer pieces win.
            scores[i] = types[i] == NORMAL ? p.length() - i / 1000f : 0f;
        }
        GgufWriter w = new GgufWriter()
                .put("general.architecture", "gemma3")
                .put("general.name", "tiny-gemma3-test")
                .put("general.alignment", 32)
                .put("gemma3.context_length", CONTEXT)
                .put("gemma3.embedding_length", EMBEDDING)
                .put("gemma3.block_count", LAYERS)
                .put("gemma3.feed_forward_length", FEED_FORWARD)
                .put("gemma3.attention.head_count", HEADS)
                .put("gemma3.attention.head_count_kv", KV_HEADS)
                .put("gemma3.attention.key_length", HEAD_DIM)
                .put("gemma3.attention.value_length", HEAD_DIM)
                .put("gemma3.attention.layer_norm_rms_epsilon", 1e-6f)
                .put("gemma3.attention.sliding_window", 128)
                .put("gemma3.rope.freq_base", 10000f)
                .put("tokenizer.ggml.model", "llama")
                .put("tokenizer.ggml.tokens", vocab.toArray(String[]::new))
                .put("tokenizer.ggml.scores", scores)
                .put("tokenizer.ggml.token_type", types)
                .put("tokenizer.ggml.pad_token_id", 0)
                .put("tokenizer.ggml.eos_token_id", 1)
                .put("tokenizer.ggml.bos_token_id", 2)
                .put("tokenizer.ggml.unknown_token_id", 3)
                .put("tokenizer.ggml.add_bos_token", true)
                .put("tokenizer.ggml.add_eos_token", false)
                .put("tokenizer.ggml.add_space_prefix", false)
                .put("tokenizer.chat_template", CHAT_TEMPLATE);
        addTensors(w, n, new Random(seed));
        return w;
    }

    private static void addTensors(GgufWriter w, int vocab, Random random) {
        int q = HEADS * HEAD_DIM;
        int kv = KV_HEADS * HEAD_DIM;
        w.tensor("token_embd.weight", gaussian(random, EMBEDDING * vocab, 0.1f), EMBEDDING, vocab);
        w.tensor("output_norm.weight", ones(EMBEDDING), EMBEDDING);
        for (int l = 0; l < LAYERS; l++) {
            String b = "blk." + l + ".";
            w.tensor(b + "attn_norm.weight", ones(EMBEDDING), EMBEDDING);
            w.tensor(b + "attn_q.weight", gaussian(random, EMBEDDING * q, 0.05f), EMBEDDING, q);
            w.tensor(b + "attn_k.weight", gaussian(random, EMBEDDING * kv, 0.05f), EMBEDDING, kv);
            w.tensor(b + "attn_v.weight", gaussian(random, EMBEDDING * kv, 0.05f), EMBEDDING, kv);
            w.tensor(b + "attn_output.weight", gaussian(random, q * EMBEDDING, 0.05f), q, EMBEDDING);
            w.tensor(b + "attn_q_norm.weight", ones(HEAD_DIM), HEAD_DIM);
            w.tensor(b + "attn_k_norm.weight", ones(HEAD_DIM), HEAD_DIM);
            w.tensor(b + "post_attention_norm.weight", filled(EMBEDDING, POST_NORM), EMBEDDING);
            w.tensor(b + "ffn_norm.weight", ones(EMBEDDING), EMBEDDING);
            w.tensor(b + "ffn_gate.weight", gaussian(random, EMBEDDING * FEED_FORWARD, 0.05f), EMBEDDING, FEED_FORWARD);
            w.tensor(b + "ffn_up.weight", gaussian(random, EMBEDDING * FEED_FORWARD, 0.05f), EMBEDDING, FEED_FORWARD);
            w.tensor(b + "ffn_down.weight", gaussian(random, FEED_FORWARD * EMBEDDING, 0.05f), FEED_FORWARD,
                    EMBEDDING);
            w.tensor(b + "post_ffw_norm.weight", filled(EMBEDDING, POST_NORM), EMBEDDING);
        }
    }

    private static float[] gaussian(Random random, int n, float std) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) random.nextGaussian() * std;
        }
        return a;
    }

    private static float[] ones(int n) {
        return filled(n, 1f);
    }

    private static float[] filled(int n, float value) {
        float[] a = new float[n];
        Arrays.fill(a, value);
        return a;
    }
}
