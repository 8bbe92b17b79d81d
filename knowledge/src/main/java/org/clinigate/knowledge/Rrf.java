package org.clinigate.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): each list adds {@code 1 / (K + rank)} to the
 * score of every item in it, with 1-based ranks. It needs no score calibration between BM25 and cosine, which is
 * why it is used here.
 */
final class Rrf {

    /** The constant of the original paper; it damps the weight of the very first ranks. */
    static final int K = 60;

    private Rrf() {
    }

    /** One fused item: its key, fused score and 1-based rank in each list (0 when absent). */
    record Fused(int key, double score, int lexicalRank, int vectorRank) {
    }

    /** The items of both lists by descending fused score; ties go to the better lexical rank, then the key. */
    static List<Fused> fuse(int[] lexical, int[] vector) {
        Map<Integer, int[]> ranks = new LinkedHashMap<>();
        for (int i = 0; i < lexical.length; i++) {
            ranks.computeIfAbsent(lexical[i], x -> new int[2])[0] = i + 1;
        }
        for (int i = 0; i < vector.length; i++) {
            ranks.computeIfAbsent(vector[i], x -> new int[2])[1] = i + 1;
        }
        List<Fused> out = new ArrayList<>(ranks.size());
        for (Map.Entry<Integer, int[]> e : ranks.entrySet()) {
            int lex = e.getValue()[0];
            int vec = e.getValue()[1];
            double score = (lex > 0 ? 1.0 / (K + lex) : 0) + (vec > 0 ? 1.0 / (K + vec) : 0);
            out.add(new Fused(e.getKey(), score, lex, vec));
        }
        out.sort(Comparator.comparingDouble(Fused::score).reversed().thenComparingInt(f -> f.lexicalRank() == 0
                ? Integer.MAX_VALUE
                : f.lexicalRank()).thenComparingInt(Fused::key));
        return out;
    }
}
