package org.clinigate.deid.detect;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiSpan;
import org.clinigate.deid.lexicon.Lexicons;

/**
 * A token tagger for the categories that rules find worst, names, places and organisations, learned from a site's
 * own annotated text: an averaged perceptron over hashed features (the word, its shape and affixes, its lexicon
 * bits, the words and shapes around it, the previous tag), decoded greedily left to right with BIO tags.
 *
 * <p>It adds to the rules and never replaces them: its spans join the candidates at the lowest priority, so a
 * pattern or context rule wins any overlap. A site trains it with {@code clinigate deid-train} on gold JSONL and
 * passes the model file to {@code deid}, {@code deid-eval} or the gateway. The model holds feature weights only;
 * words are hashed, never stored, so no training text can be read back from it (a hash of a rare word can still
 * be confirmed by someone who guesses the word, so treat the file as you treat the training data).
 *
 * <p>Immutable after training or loading; {@link #tag} is thread safe.
 */
public final class LearnedTagger {

    /** The categories it tags. */
    static final PhiCategory[] CATEGORIES = {PhiCategory.NAME, PhiCategory.LOCATION, PhiCategory.ORGANIZATION,
            PhiCategory.PHONE};
    /** O, then B and I of each category. */
    static final int TAGS = 1 + 2 * CATEGORIES.length;
    private static final int MAGIC = 0x43474c54; // "CGLT"
    private static final int VERSION = 2;
    private static final int BITS = 18;
    private static final int BUCKETS = 1 << BITS;
    private static final int[] LEXICON_BITS = {Lexicons.SURNAME, Lexicons.AMBIGUOUS, Lexicons.ENGLISH,
            Lexicons.COMMON, Lexicons.FUNCTION, Lexicons.CLINICAL, Lexicons.EPONYM, Lexicons.ORGANIZATION,
            Lexicons.PLACE, Lexicons.PLACE_START, Lexicons.US_STATE, Lexicons.ORGANIZATION_START,
            Lexicons.STREET_TYPE, Lexicons.MONTH, Lexicons.COUNTRY, 1};

    /** weights[feature * TAGS + tag] */
    private final float[] weights;

    private LearnedTagger(float[] weights) {
        this.weights = weights;
    }

    /** Trains on {@code records} (text and gold spans) for {@code epochs} passes in a seeded order. */
    public static LearnedTagger train(List<Example> records, int epochs, long seed) {
        if (epochs < 1 || epochs > 100) {
            throw new IllegalArgumentException("epochs must be in [1, 100]");
        }
        Lexicons lex = Lexicons.get();
        List<Sequence> data = new ArrayList<>();
        for (Example e : records) {
            TextView v = new TextView(e.text());
            data.add(new Sequence(v, gold(v, e.spans())));
        }
        float[] w = new float[BUCKETS * TAGS];
        float[] total = new float[BUCKETS * TAGS]; // sum of updates weighted by when they happened
        long step = 1;
        Random random = new Random(seed);
        int[] feats = new int[64];
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(data, random);
            for (Sequence s : data) {
                int previous = 0;
                for (int i = 0; i < s.view.size; i++) {
                    int n = features(s.view, i, previous, lex, feats);
                    int guess = best(w, feats, n);
                    int truth = s.tags[i];
                    if (guess != truth) {
                        for (int k = 0; k < n; k++) {
                            int base = feats[k] * TAGS;
                            w[base + truth] += 1;
                            w[base + guess] -= 1;
                            total[base + truth] += step;
                            total[base + guess] -= step;
                        }
                    }
                    previous = truth; // teacher forcing: the previous tag feature uses the gold tag
                    step++;
                }
            }
        }
        // Averaging: w_avg = w - total / step (the standard lazy form of the averaged perceptron).
        float[] averaged = new float[w.length];
        for (int k = 0; k < w.length; k++) {
            averaged[k] = w[k] - total[k] / step;
        }
        return new LearnedTagger(averaged);
    }

    /** A training example: a text and its gold spans (any category; the tagger learns its three). */
    public record Example(String text, List<PhiSpan> spans) {
    }

    private record Sequence(TextView view, int[] tags) {
    }

    /** Spans found in {@code text}, for tests and scoring. */
    public List<PhiSpan> tag(String text) {
        List<Candidate> out = new ArrayList<>();
        detect(new TextView(text), out);
        List<PhiSpan> spans = new ArrayList<>();
        for (Candidate c : out) {
            spans.add(new PhiSpan(c.start(), c.end(), c.category()));
        }
        return spans;
    }

    /** Adds the tagger's spans to {@code out} at the lowest priority. */
    void detect(TextView v, List<Candidate> out) {
        Lexicons lex = Lexicons.get();
        int[] feats = new int[64];
        int previous = 0;
        int openStart = -1;
        int openCategory = -1;
        int openEnd = -1;
        for (int i = 0; i < v.size; i++) {
            int n = features(v, i, previous, lex, feats);
            int tag = best(weights, feats, n);
            int category = tag == 0 ? -1 : (tag - 1) / 2;
            boolean begin = tag != 0 && (tag - 1) % 2 == 0;
            if (openStart >= 0 && (tag == 0 || begin || category != openCategory)) {
                out.add(new Candidate(openStart, openEnd, CATEGORIES[openCategory], Candidate.GUESS));
                openStart = -1;
            }
            if (tag != 0) {
                if (openStart < 0) {
                    openStart = v.start[i];
                    openCategory = category;
                }
                openEnd = v.end[i];
            }
            previous = tag;
        }
        if (openStart >= 0) {
            out.add(new Candidate(openStart, openEnd, CATEGORIES[openCategory], Candidate.GUESS));
        }
    }

    /** Detector adapter: the tagger as one more detector of the standard set. */
    Detector asDetector() {
        return this::detect;
    }

    private static int[] gold(TextView v, List<PhiSpan> spans) {
        int[] tags = new int[v.size];
        for (PhiSpan s : spans) {
            int c = indexOf(s.category());
            if (c < 0) {
                continue;
            }
            boolean first = true;
            for (int i = 0; i < v.size; i++) {
                if (v.start[i] >= s.start() && v.end[i] <= s.end()) {
                    tags[i] = first ? 1 + 2 * c : 2 + 2 * c;
                    first = false;
                }
            }
        }
        return tags;
    }

    private static int indexOf(PhiCategory c) {
        for (int i = 0; i < CATEGORIES.length; i++) {
            if (CATEGORIES[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static int best(float[] w, int[] feats, int n) {
        float[] score = new float[TAGS];
        for (int k = 0; k < n; k++) {
            int base = feats[k] * TAGS;
            for (int t = 0; t < TAGS; t++) {
                score[t] += w[base + t];
            }
        }
        int best = 0;
        for (int t = 1; t < TAGS; t++) {
            if (score[t] > score[best]) {
                best = t;
            }
        }
        return best;
    }

    /** Hashed features of token {@code i}; returns how many were written to {@code out}. */
    private static int features(TextView v, int i, int previousTag, Lexicons lex, int[] out) {
        int n = 0;
        out[n++] = hash(1, "bias");
        String w = token(v, i);
        String shape = shape(v, i);
        out[n++] = hash(2, w);
        out[n++] = hash(3, shape);
        if (w.length() > 3) {
            out[n++] = hash(4, w.substring(w.length() - 3));
            out[n++] = hash(5, w.substring(0, 3));
        }
        if (v.type[i] == TextView.WORD) {
            int f = v.flags(i, lex);
            for (int b = 0; b < LEXICON_BITS.length; b++) {
                if ((f & LEXICON_BITS[b]) != 0) {
                    out[n++] = hash(6, "lex" + b + shape);
                }
            }
        }
        out[n++] = hash(7, "prev" + previousTag);
        out[n++] = hash(8, "prev" + previousTag + shape);
        out[n++] = hash(9, "w-1 " + (i > 0 ? token(v, i - 1) : "<s>"));
        out[n++] = hash(10, "w+1 " + (i + 1 < v.size ? token(v, i + 1) : "</s>"));
        out[n++] = hash(11, "w-2 " + (i > 1 ? token(v, i - 2) : "<s>"));
        out[n++] = hash(12, "w+2 " + (i + 2 < v.size ? token(v, i + 2) : "</s>"));
        out[n++] = hash(13, "s-1 " + (i > 0 ? shape(v, i - 1) : "<s>") + " " + shape);
        out[n++] = hash(14, "s+1 " + shape + " " + (i + 1 < v.size ? shape(v, i + 1) : "</s>"));
        out[n++] = hash(15, "w-1w " + (i > 0 ? token(v, i - 1) : "<s>") + " " + w);
        out[n++] = hash(16, "line" + v.lineStart[i] + "sent" + v.sentenceStart[i] + shape);
        out[n++] = hash(18, "ww+1 " + w + " " + (i + 1 < v.size ? token(v, i + 1) : "</s>"));
        int before = 0;
        while (before < 3 && i - before - 1 >= 0 && capitalised(v, i - before - 1)) {
            before++;
        }
        int after = 0;
        while (after < 3 && i + after + 1 < v.size && capitalised(v, i + after + 1)) {
            after++;
        }
        out[n++] = hash(19, "run" + before + "/" + after + shape);
        if (capitalised(v, i)) {
            // The words around a whole capitalised run ("the ... office", "work for ...") name what it is.
            int first = i;
            while (i - first < 6 && first > 0 && capitalised(v, first - 1)) {
                first--;
            }
            int last = i;
            while (last - i < 6 && last + 1 < v.size && capitalised(v, last + 1)) {
                last++;
            }
            out[n++] = hash(20, "run-prev " + (first > 0 ? token(v, first - 1) : "<s>"));
            out[n++] = hash(21, "run-next " + (last + 1 < v.size ? token(v, last + 1) : "</s>"));
            out[n++] = hash(22, "run-next2 " + (last + 2 < v.size ? token(v, last + 2) : "</s>"));
        }
        if (i + 1 < v.size && v.type[i + 1] == TextView.WORD) {
            int f = v.flags(i + 1, lex);
            out[n++] = hash(17, "next-lex" + (f & (Lexicons.SURNAME | Lexicons.PLACE | Lexicons.STREET_TYPE
                    | Lexicons.ORGANIZATION)));
        }
        return n;
    }

    private static boolean capitalised(TextView v, int i) {
        return v.type[i] == TextView.WORD && Character.isUpperCase(v.text.charAt(v.start[i]));
    }

    private static String token(TextView v, int i) {
        return v.type[i] == TextView.NUMBER ? "#" + Math.min(v.length(i), 6) : v.lower(i);
    }

    private static String shape(TextView v, int i) {
        if (v.type[i] == TextView.NUMBER) {
            return "d";
        }
        if (v.type[i] == TextView.PUNCT) {
            return v.raw(i);
        }
        if (v.isAllUpper(i)) {
            return v.length(i) == 1 ? "X" : "XX";
        }
        if (v.isTitle(i)) {
            return "Xx";
        }
        return v.isAllLower(i) ? "x" : "xX";
    }

    private static int hash(int kind, String s) {
        int h = kind * 0x9E3779B1;
        for (int k = 0; k < s.length(); k++) {
            h = (h ^ s.charAt(k)) * 0x01000193;
        }
        h ^= h >>> 15;
        return h & (BUCKETS - 1);
    }

    /** Writes the model, compressed; a temporary file is renamed over {@code file}. */
    public void save(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".tagger", ".part");
        try {
            try (OutputStream raw = Files.newOutputStream(temp);
                    DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw, 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(BITS);
                out.writeInt(TAGS);
                for (float f : weights) {
                    out.writeFloat(f);
                }
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Reads a model written by {@link #save}; a wrong or damaged file is {@code CG-1002}. */
    public static LearnedTagger load(Path file) {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || in.readInt() != BITS || in.readInt() != TAGS) {
                throw new ClinigateException(ErrorCode.CG_1002,
                        "not a Clinigate tagger model of this version: " + file.getFileName());
            }
            float[] w = new float[BUCKETS * TAGS];
            for (int k = 0; k < w.length; k++) {
                w[k] = in.readFloat();
            }
            return new LearnedTagger(w);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1002,
                    "cannot read the tagger model " + file.getFileName() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "LearnedTagger[" + BUCKETS + " buckets, " + TAGS + " tags]";
    }
}
