package org.clinigate.knowledge.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * all-MiniLM-L6-v2, quantized, run in-process by ONNX Runtime from the LangChain4j embeddings artifact: 384
 * dimensions, English, mean pooling. Texts longer than the model's 256 word pieces are embedded in parts whose
 * vectors are averaged. Loading takes about a second; share one instance. Thread safe.
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {

    /** The id recorded in indexes built with this model. */
    public static final String MODEL_ID = "all-minilm-l6-v2-q";

    private final ExecutorService pool;
    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

    /** Loads the model; embeds batches on as many threads as there are processors. */
    public MiniLmEmbedder() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** Loads the model; embeds batches on {@code threads} threads. */
    public MiniLmEmbedder(int threads) {
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "clinigate-embed");
            t.setDaemon(true);
            return t;
        });
        try {
            this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
        } catch (RuntimeException | LinkageError e) {
            pool.shutdownNow();
            throw new ClinigateException(ErrorCode.CG_5006, "cannot load embedding model " + MODEL_ID, e);
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
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            // The tokenizer rejects an empty string; a single space embeds as "nothing said".
            segments.add(TextSegment.from(text.isBlank() ? " " : text));
        }
        List<Embedding> embeddings;
        try {
            embeddings = model.embedAll(segments).content();
        } catch (RuntimeException e) {
            throw new ClinigateException(ErrorCode.CG_5006, "embedding model failed on a batch of " + texts.size()
                    + " texts", e);
        }
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            out.add(Vectors.normalize(e.vector().clone()));
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
