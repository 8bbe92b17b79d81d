package org.clinigate.knowledge.cite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinigate.knowledge.embed.Embedder;

/**
 * How close a claim's meaning is to a source: the best cosine between the claim's sentence embedding and that of any
 * one sentence, or two consecutive sentences, of the source. Vectors of source passages are kept (up to
 * {@value #CACHE} of them, least recently used dropped), because the same sources back many answers. Thread safe.
 */
final class SemanticMatch {

    static final int CACHE = 8192;

    private final Embedder embedder;
    private final Map<String, float[]> vectors = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE;
        }
    };

    SemanticMatch(Embedder embedder) {
        this.embedder = embedder;
    }

    /** The claim's vector, computed once for all the sources it is compared with. */
    float[] vector(String claim) {
        return embedder.embed(claim);
    }

    /** The best cosine between a claim's vector and a passage of one or two consecutive sentences of {@code source}. */
    double best(float[] claim, String source) {
        double best = 0;
        for (float[] p : vectorsOf(passages(source))) {
            double dot = 0;
            for (int i = 0; i < claim.length; i++) {
                dot += claim[i] * p[i];
            }
            best = Math.max(best, dot);
        }
        return best;
    }

    /** The passages' vectors: from the cache, the missing ones embedded together outside the lock and then kept. */
    private float[][] vectorsOf(List<String> passages) {
        float[][] out = new float[passages.size()][];
        List<String> missing = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        synchronized (vectors) {
            for (int i = 0; i < out.length; i++) {
                out[i] = vectors.get(passages.get(i));
                if (out[i] == null) {
                    missing.add(passages.get(i));
                    where.add(i);
                }
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        List<float[]> computed = embedder.embed(missing);
        synchronized (vectors) {
            for (int k = 0; k < missing.size(); k++) {
                vectors.put(missing.get(k), computed.get(k));
                out[where.get(k)] = computed.get(k);
            }
        }
        return out;
    }

    /** Each sentence of the source (lines count as sentences: lists and tables), and each pair of neighbours. */
    private static List<String> passages(String source) {
        List<String> sentences = new ArrayList<>();
        for (int[] s : Sentences.split(source)) {
            String t = source.substring(s[0], s[1]).strip();
            if (TextMatch.contentWords(t) >= 2) {
                sentences.add(t);
            }
        }
        List<String> out = new ArrayList<>(sentences);
        for (int i = 1; i < sentences.size(); i++) {
            out.add(sentences.get(i - 1) + " " + sentences.get(i));
        }
        return out;
    }
}
