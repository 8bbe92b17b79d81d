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

    /** The best cosine between {@code claim} and a passage of one or two consecutive sentences of {@code source}. */
    double best(String claim, String source) {
        List<String> passages = passages(source);
        if (passages.isEmpty()) {
            return 0;
        }
        float[] c = embedder.embed(claim);
        List<float[]> ps = vectorsOf(passages);
        double best = 0;
        for (float[] p : ps) {
            double dot = 0;
            for (int i = 0; i < c.length; i++) {
                dot += c[i] * p[i];
            }
            best = Math.max(best, dot);
        }
        return best;
    }

    private List<float[]> vectorsOf(List<String> passages) {
        List<String> missing = new ArrayList<>();
        synchronized (vectors) {
            for (String p : passages) {
                if (!vectors.containsKey(p)) {
                    missing.add(p);
                }
            }
        }
        List<float[]> computed = missing.isEmpty() ? List.of() : embedder.embed(missing);
        List<float[]> out = new ArrayList<>(passages.size());
        synchronized (vectors) {
            for (int i = 0; i < missing.size(); i++) {
                vectors.put(missing.get(i), computed.get(i));
            }
            for (String p : passages) {
                float[] v = vectors.get(p);
                out.add(v != null ? v : embedder.embed(p)); // evicted meanwhile by another thread's sources
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
