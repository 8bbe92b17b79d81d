package org.clinigate.knowledge.terminology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.clinigate.knowledge.embed.Embedder;
import org.clinigate.knowledge.embed.TableFile;

/**
 * The billable codes' descriptions embedded once, for candidates that share a meaning but no word with a problem
 * ("underactive thyroid" and "Hypothyroidism, unspecified"). Rows are unit-length float vectors searched by brute
 * force (about 110 MB and 10 ms per problem for a full release on one core; 8-bit rows would take a quarter of the
 * memory but twice the time, because the JIT vectorizes neither loop and the float loop runs eight accumulators).
 * The rows are cached in {@code cacheDir} ({@link TableFile}: checksummed, written atomically) under a key of the
 * model, the recipe and a SHA-256 of every billable code and description, so a new release or model builds a new
 * file; a file that fails its checks is logged and rebuilt, one that cannot be written is logged.
 *
 * <p>Immutable after construction; thread safe when the embedder is. Building fails with the embedder's exception.
 */
final class SemanticIndex {

    /** Changes whenever what is embedded per code changes, so that older cache files are not read. */
    static final String RECIPE = "icd-description-v1";

    private static final System.Logger LOG = System.getLogger(SemanticIndex.class.getName());
    private static final int BATCH = 2048;

    /** One neighbour: a code index and its cosine with the problem. */
    record Neighbour(int code, float similarity) {
    }

    private final Embedder embedder;
    private final int dimension;
    /** Row to code index, in tabular order. */
    private final int[] codeOfRow;
    private final float[] rows;

    private SemanticIndex(Embedder embedder, int[] codeOfRow, float[] rows) {
        this.embedder = embedder;
        this.dimension = embedder.dimension();
        this.codeOfRow = codeOfRow;
        this.rows = rows;
    }

    /** Embeds (or loads from {@code cacheDir}) the descriptions of the billable codes among {@code codes}. */
    static SemanticIndex build(IcdCode[] codes, Embedder embedder, Path cacheDir) {
        int billable = 0;
        for (IcdCode c : codes) {
            billable += c.billable() ? 1 : 0;
        }
        int[] codeOfRow = new int[billable];
        String[] texts = new String[billable];
        MessageDigest sha = sha256();
        for (int i = 0, r = 0; i < codes.length; i++) {
            if (codes[i].billable()) {
                codeOfRow[r] = i;
                texts[r++] = codes[i].description();
                sha.update((codes[i].code() + "\t" + codes[i].description() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        String key = String.join("|", "icd10cm", embedder.modelId(), RECIPE, HexFormat.of().formatHex(sha.digest()));
        Path file = cacheDir.resolve("icd10cm-" + embedder.modelId() + "-" + HexFormat.of().formatHex(sha256()
                .digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 16) + ".table");
        return new SemanticIndex(embedder, codeOfRow, loadOrEmbed(file, key, embedder, texts));
    }

    private static float[] loadOrEmbed(Path file, String key, Embedder embedder, String[] texts) {
        try {
            float[] cached = TableFile.read(file, key, embedder.dimension());
            if (cached.length == texts.length * embedder.dimension()) {
                return cached;
            }
            LOG.log(System.Logger.Level.WARNING, "ICD-10-CM vector cache {0} has another row count; rebuilding",
                    file.getFileName());
        } catch (NoSuchFileException e) {
            // first start with this code set and model
        } catch (IOException | TableFile.Corrupt e) {
            LOG.log(System.Logger.Level.WARNING, "ICD-10-CM vector cache {0} unusable ({1}); rebuilding", file
                    .getFileName(), e.getMessage());
        }
        float[] vectors = embedAll(embedder, texts);
        try {
            TableFile.write(file, key, embedder.dimension(), vectors);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write ICD-10-CM vector cache {0} ({1}); kept in memory",
                    file.getFileName(), e.getClass().getSimpleName());
        }
        return vectors;
    }

    private static float[] embedAll(Embedder embedder, String[] texts) {
        int dim = embedder.dimension();
        float[] out = new float[texts.length * dim];
        for (int from = 0; from < texts.length; from += BATCH) {
            int to = Math.min(texts.length, from + BATCH);
            List<float[]> vectors = embedder.embed(List.of(texts).subList(from, to));
            for (int r = from; r < to; r++) {
                System.arraycopy(vectors.get(r - from), 0, out, r * dim, dim);
            }
            LOG.log(System.Logger.Level.DEBUG, "embedded {0} of {1} ICD-10-CM descriptions", to, texts.length);
        }
        return out;
    }

    /** Up to {@code k} codes whose descriptions are closest in meaning to {@code text}, at least {@code min}. */
    List<Neighbour> nearest(String text, int k, float min) {
        float[] q = embedder.embed(text);
        int[] top = new int[k];
        float[] score = new float[k];
        int size = 0;
        for (int r = 0; r < codeOfRow.length; r++) {
            float s = dot(q, r * dimension);
            if (s < min || (size == k && s <= score[k - 1])) {
                continue;
            }
            // insertion into the short list, best first
            int at = size < k ? size++ : k - 1;
            while (at > 0 && score[at - 1] < s) {
                score[at] = score[at - 1];
                top[at] = top[at - 1];
                at--;
            }
            score[at] = s;
            top[at] = r;
        }
        List<Neighbour> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new Neighbour(codeOfRow[top[i]], score[i]));
        }
        return out;
    }

    /**
     * The dot product of {@code q} with the row at {@code at}: the cosine, both being unit length. Eight
     * accumulators let the CPU overlap the additions, which the JIT may not reorder on its own; the one numeric
     * kernel here.
     */
    private float dot(float[] q, int at) {
        float a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
        int d = 0;
        for (; d + 8 <= dimension; d += 8) {
            a0 += q[d] * rows[at + d];
            a1 += q[d + 1] * rows[at + d + 1];
            a2 += q[d + 2] * rows[at + d + 2];
            a3 += q[d + 3] * rows[at + d + 3];
            a4 += q[d + 4] * rows[at + d + 4];
            a5 += q[d + 5] * rows[at + d + 5];
            a6 += q[d + 6] * rows[at + d + 6];
            a7 += q[d + 7] * rows[at + d + 7];
        }
        for (; d < dimension; d++) {
            a0 += q[d] * rows[at + d];
        }
        return (a0 + a1) + (a2 + a3) + (a4 + a5) + (a6 + a7);
    }

    int rowCount() {
        return codeOfRow.length;
    }

    String modelId() {
        return embedder.modelId();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
