package org.clinigate.knowledge.embed;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Distills a static table from all-MiniLM-L6-v2: one vector per word piece. Not thread safe; it runs the model on
 * all of the model's threads itself.
 *
 * <p>The recipe, measured on the starter questions (vector list alone; see ADR 0020):
 *
 * <ol>
 *   <li>the model reads {@code [CLS] piece [SEP]}; the piece's vector is the last hidden state at the piece's own
 *       position, scaled to unit length (better than the mean over all three positions);
 *   <li>the mean of all piece vectors is subtracted: it is a direction every text shares, and under cosine this
 *       is all that PCA keeping 384 dimensions would change;
 *   <li>each vector is weighted by {@code ln(1 + rank)}, the piece's estimated frequency rank
 *       ({@link WordPieces#rank}), so that common pieces ("the", "of") count for little in a sum, as inverse
 *       frequency weights do.
 * </ol>
 *
 * Changing any step changes every vector: {@link #RECIPE} is part of the cache key, and the embedder's model id
 * must change with it so that indexes built with the old vectors are refused.
 */
final class Distiller {

    /** Names the steps above; part of the cache key. */
    static final String RECIPE = "token-position/unit/centred/ln1p-rank/v1";

    private static final long CLS = 101;
    private static final long SEP = 102;
    private static final int BLOCK = 1024;

    private Distiller() {
    }

    /**
     * The table: {@code vocabulary.size()} rows of {@code model.dimension()} floats, row-major; rows of pieces that
     * are not distilled, or that {@code include} leaves out, are zero.
     */
    static float[] distil(MiniLmEmbedder model, WordPieces vocabulary, IntPredicate include,
            StaticEmbedder.Progress progress) {
        int dim = model.dimension();
        int[] ids = java.util.stream.IntStream.range(0, vocabulary.size()).filter(id -> vocabulary.distilled(id)
                && include.test(id)).toArray();
        float[] table = new float[vocabulary.size() * dim];
        progress.update(0, ids.length);
        for (int from = 0; from < ids.length; from += BLOCK) {
            int start = from;
            int n = Math.min(BLOCK, ids.length - from);
            List<float[]> vectors = model.inParallel(n, i -> pieceVector(model, ids[start + i]));
            for (int i = 0; i < n; i++) {
                System.arraycopy(vectors.get(i), 0, table, ids[start + i] * dim, dim);
            }
            progress.update(start + n, ids.length);
        }
        centre(table, ids, dim);
        for (int id : ids) {
            // ln(1 + rank): rank 1 ("the") weighs 0.69, rank 10,000 weighs 9.2.
            float w = (float) Math.log1p(vocabulary.rank(id));
            for (int d = 0; d < dim; d++) {
                table[id * dim + d] *= w;
            }
        }
        return table;
    }

    /** The model's output at the piece's position when it reads the piece alone, unit length. */
    private static float[] pieceVector(MiniLmEmbedder model, int id) {
        float[][] hidden = model.hiddenStates(new long[]{CLS, id, SEP});
        return Vectors.normalize(hidden[1].clone());
    }

    /** Subtracts the mean of the rows {@code ids} from each of them. */
    private static void centre(float[] table, int[] ids, int dim) {
        double[] mean = new double[dim];
        for (int id : ids) {
            for (int d = 0; d < dim; d++) {
                mean[d] += table[id * dim + d];
            }
        }
        for (int id : ids) {
            for (int d = 0; d < dim; d++) {
                table[id * dim + d] -= (float) (mean[d] / ids.length);
            }
        }
    }
}
