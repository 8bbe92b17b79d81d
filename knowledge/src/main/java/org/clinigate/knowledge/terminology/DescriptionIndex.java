package org.clinigate.knowledge.terminology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * ICD-10-CM descriptions analyzed once: each code's words as {@link Unit}s (stem, optional, negated), document
 * frequencies, the surface vocabulary for spelling correction, and an in-memory Lucene index (BM25) that finds
 * candidates. Immutable after construction and thread safe.
 */
final class DescriptionIndex {

    /** Words after which "of" names the site, ending a negation ("without foreign body of scalp"). */
    private static final Set<String> NEGATION_ENDS_BEFORE_SITE = Set.of("body", "extension",
            "fracture");

    /**
     * One distinct word of a description.
     *
     * @param stem the Porter2 stem
     * @param optional only inside parentheses or brackets (a nonessential modifier or synonym)
     * @param negated only after "without", "not" or "unspecified as" (a qualifier the code excludes or leaves open)
     * @param factor the word-list factor of its first surface form (see {@link Lexicon#weight})
     */
    record Unit(String stem, boolean optional, boolean negated, double factor) {
    }

    private static final String FIELD = "t";
    private static final String UNSPECIFIED = Tokens.stem("unspecified");

    private final IcdCode[] codes;
    private final Unit[][] units;
    private final Map<String, Integer> documentFrequency;
    private final Map<String, Integer> vocabulary;
    private final IndexSearcher searcher;

    private final Lexicon lexicon;

    DescriptionIndex(IcdCodeSet codeSet, Lexicon lexicon) {
        this.lexicon = lexicon;
        List<IcdCode> list = codeSet.codes();
        this.codes = list.toArray(IcdCode[]::new);
        this.units = new Unit[codes.length][];
        this.documentFrequency = new HashMap<>();
        this.vocabulary = new HashMap<>();
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        // LogDocMergePolicy merges adjacent segments only, so Lucene doc ids stay equal to code indexes.
        IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer()).setRAMBufferSizeMB(64)
                .setMergePolicy(new LogDocMergePolicy());
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (int i = 0; i < codes.length; i++) {
                units[i] = analyze(codes[i].description());
                StringBuilder text = new StringBuilder();
                for (Unit u : units[i]) {
                    documentFrequency.merge(u.stem(), 1, Integer::sum);
                    text.append(u.stem()).append(' ');
                }
                Document doc = new Document();
                doc.add(new TextField(FIELD, text.toString(), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
            writer.commit();
            this.searcher = new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index", e);
        }
    }

    /** The distinct words of a description, with scope flags; see {@link Unit}. */
    Unit[] analyze(String description) {
        Map<String, Unit> byStem = new LinkedHashMap<>();
        String normalized = Tokens.normalize(description);
        // a comma ends a negation unless the rest is a list closed by "and" or "or" ("without A, B, and C")
        boolean listAhead = normalized.matches(".*,\\s*(and|or)\\s.*");
        boolean negated = false;
        for (String segment : normalized.split(",")) {
            negated &= listAhead;
            List<Tokens.Token> tokens = Tokens.scan(segment);
            for (int i = 0; i < tokens.size(); i++) {
                String w = tokens.get(i).word();
                vocabulary.merge(w, 1, Integer::sum);
                String next = i + 1 < tokens.size() ? tokens.get(i + 1).word() : "";
                String previous = i > 0 ? tokens.get(i - 1).word() : "";
                if (w.equals("with") && !previous.equals("whether")) {
                    negated = false;
                } else if (w.equals("of") && NEGATION_ENDS_BEFORE_SITE.contains(previous)) {
                    negated = false; // "without foreign body of scalp": the site is not negated
                } else if (w.equals("without") || w.equals("not")) {
                    negated = true;
                    continue;
                } else if (w.equals("unspecified") && (next.equals("as") || next.equals("whether"))) {
                    // "unspecified as acute or chronic", "unspecified whether with hypoxia or hypercapnia" name what
                    // the code leaves open
                    negated = true;
                }
                Unit u = new Unit(Tokens.stem(w), tokens.get(i).optional(), negated, lexicon.weight(w));
                byStem.merge(u.stem(), u, (a, b) -> new Unit(a.stem(), a.optional() && b.optional(), a.negated()
                        && b.negated(), a.factor()));
            }
        }
        return byStem.values().toArray(Unit[]::new);
    }

    int size() {
        return codes.length;
    }

    IcdCode code(int i) {
        return codes[i];
    }

    /** The codes by index, a copy. */
    IcdCode[] codes() {
        return codes.clone();
    }

    Unit[] units(int i) {
        return units[i];
    }

    /** True when the description calls itself unspecified (the tabular list's default for its category). */
    boolean saysUnspecified(int i) {
        for (Unit u : units[i]) {
            if (u.stem().equals(UNSPECIFIED) && !u.negated()) {
                return true;
            }
        }
        return false;
    }

    /** How many descriptions have the stem; 0 when none. */
    int documentFrequency(String stem) {
        return documentFrequency.getOrDefault(stem, 0);
    }

    /** ln(N / df): the weight of a stem; 0 for a stem no description has. */
    double idf(String stem) {
        int df = documentFrequency(stem);
        return df == 0 ? 0 : Math.log((double) codes.length / df);
    }

    /** Surface words of all descriptions with their counts, for spelling correction. */
    Map<String, Integer> vocabulary() {
        return vocabulary;
    }

    /**
     * Up to {@code n} code indexes by BM25 over the stems, best first, with their scores.
     *
     * @param stems stems and their boosts
     */
    List<double[]> candidates(Map<String, Float> stems, int n) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> e : stems.entrySet()) {
            Query term = new TermQuery(new Term(FIELD, e.getKey()));
            q.add(e.getValue() == 1f ? term : new BoostQuery(term, e.getValue()), BooleanClause.Occur.SHOULD);
        }
        try {
            ScoreDoc[] hits = searcher.search(q.build(), n).scoreDocs;
            List<double[]> out = new ArrayList<>(hits.length);
            for (ScoreDoc hit : hits) {
                out.add(new double[]{hit.doc, hit.score});
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory search", e);
        }
    }
}
