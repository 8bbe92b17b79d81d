package org.clinigate.knowledge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.clinigate.knowledge.SourceDocument;
import org.clinigate.knowledge.Section;
import org.clinigate.knowledge.SourceMetadata;
import org.clinigate.knowledge.starter.StarterCorpus;

/**
 * Generated guideline-like text, deterministic for a seed. Two sentences in three are real English taken from the
 * starter corpus, so that the model sees word pieces as in real guidelines (about 120 to 150 per chunk); the third
 * is made of words drawn by a Zipf law from clinical words and 20,000 made-up ones, so that at 100,000 chunks the
 * vocabulary has a long tail and BM25 posting lists have realistic lengths. Paragraphs are up to 560 characters,
 * ten to a document.
 */
final class BenchCorpus {

    static final int CHUNK_CHARS = 560;
    static final int CHUNKS_PER_DOC = 10;
    static final String[] SPECIALTIES = {"cardiology", "endocrinology", "emergency", "paediatrics", "nephrology",
            "haematology"};

    private static final String[] COMMON = ("the of and to in a with for is be or on by should patients dose daily "
            + "monitor renal function blood pressure glucose insulin warfarin INR bleeding risk fever infant child "
            + "adult sepsis lactate antibiotics shock chest pain troponin ECG stroke creatinine potassium eGFR "
            + "albumin HbA1c target range increase reduce review urgent within hours days months tablets oral "
            + "maximum contraindicated pregnancy interaction hypertension diabetes kidney heart failure therapy "
            + "treatment consider avoid mg mmol").split(" ");
    private static final String[] SYLLABLES = ("ka lo mi ne ru ta ve si po da fe gi ho ju ke la mo nu pe ri so "
            + "tu va we xi yo ze bra cli dro fla gre pri sta tro").split(" ");
    private static final int SYNTHETIC = 20_000;

    private final long seed;
    private final List<String> sentences;
    private final String[] vocabulary;
    /** Cumulative Zipf weights (exponent 1) over the vocabulary, for sampling by binary search. */
    private final double[] cumulative;

    BenchCorpus(long seed) {
        this.seed = seed;
        this.sentences = starterSentences();
        this.vocabulary = new String[COMMON.length + SYNTHETIC];
        System.arraycopy(COMMON, 0, vocabulary, 0, COMMON.length);
        Random r = new Random(12345);
        for (int i = 0; i < SYNTHETIC; i++) {
            StringBuilder w = new StringBuilder();
            int syllables = 2 + r.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
            }
            vocabulary[COMMON.length + i] = w.append(i % 97).toString();
        }
        cumulative = new double[vocabulary.length];
        double sum = 0;
        for (int i = 0; i < vocabulary.length; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
    }

    SourceDocument document(int index) {
        Random r = new Random(seed * 1_000_003 + index);
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < CHUNKS_PER_DOC; c++) {
            if (c > 0) {
                text.append("\n\n");
            }
            text.append(paragraph(r));
        }
        SourceMetadata meta = SourceMetadata.titled("Generated guideline " + index).withSpecialty(
                SPECIALTIES[index % SPECIALTIES.length]).withSource("bench");
        return SourceDocument.plain("bench-" + index, meta, text.toString());
    }

    List<String> chunkTexts(int n) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(paragraph(r));
        }
        return out;
    }

    /** Two to four frequent words and two rarer ones, as a clinician's question mixes both. */
    String query(Random r) {
        StringBuilder q = new StringBuilder();
        int common = 2 + r.nextInt(3);
        for (int i = 0; i < common; i++) {
            q.append(word(r)).append(' ');
        }
        for (int i = 0; i < 2; i++) {
            q.append(vocabulary[50 + r.nextInt(2000)]).append(' ');
        }
        return q.toString().strip();
    }

    private String word(Random r) {
        double x = r.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return vocabulary[lo];
    }

    /** The starter corpus's prose sentences of 40 to 300 characters, without headings or source lines. */
    static List<String> starterSentences() {
        List<String> out = new ArrayList<>();
        for (SourceDocument d : StarterCorpus.documents()) {
            for (Section section : d.sections()) {
                String body = d.text().substring(section.start(), section.end());
                for (String s : body.split("(?<=[.!?])\\s+|\\n+")) {
                    String t = s.strip().replaceFirst("^- ", "");
                    if (t.length() >= 40 && t.length() <= 300 && !t.startsWith("Source:") && !t.contains(
                            "not authoritative")) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }

    /** Sentences of 8 to 20 words, up to {@link #CHUNK_CHARS} characters, with a dose now and then. */
    private String paragraph(Random r) {
        StringBuilder p = new StringBuilder();
        while (true) {
            StringBuilder sentence = new StringBuilder();
            if (r.nextInt(3) != 0) {
                sentence.append(sentences.get(r.nextInt(sentences.size())));
                if (p.length() + sentence.length() + 1 > CHUNK_CHARS) {
                    return p.isEmpty()
                            ? sentence.substring(0, Math.min(sentence.length(), CHUNK_CHARS)).strip()
                            : p
                                    .toString();
                }
                p.append(p.isEmpty() ? "" : " ").append(sentence);
                continue;
            }
            int words = 8 + r.nextInt(13);
            for (int i = 0; i < words; i++) {
                String w = word(r);
                sentence.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(' ');
                if (r.nextInt(15) == 0) {
                    sentence.append(5 * (1 + r.nextInt(200))).append(" mg ");
                }
            }
            sentence.setLength(sentence.length() - 1);
            sentence.append('.');
            if (p.length() + sentence.length() + 1 > CHUNK_CHARS) {
                return p.toString();
            }
            p.append(p.isEmpty() ? "" : " ").append(sentence);
        }
    }
}
