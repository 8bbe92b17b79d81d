package org.clinigate.knowledge.terminology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maps a free-text problem as clinicians write it ("HTN", "DM2 w/ neuropathy", "CKD stage 3b", "pnemonia") to
 * ranked ICD-10-CM codes.
 *
 * <p>The problem is expanded with the project's abbreviation list, corrected for spelling against the description
 * vocabulary, stemmed and given word alternatives and index defaults ({@code /knowledge/terminology/*.tsv}). A
 * Lucene BM25 index over the descriptions proposes {@value #CANDIDATES} candidates; each is re-ranked by how much
 * of the problem its description covers and how little it adds (see {@link CandidateScorer}), so billable codes whose
 * description names the problem's qualifiers and nothing else come first.
 *
 * <p>Building one over a full release (about 95,000 codes) takes a few seconds and some 200 MB of heap; it is then
 * immutable and thread safe. A problem with no known word gives an empty list. Problem text never appears in
 * exceptions or logs.
 */
public final class IcdNormalizer {

    /** How many BM25 candidates are re-ranked. */
    static final int CANDIDATES = 500;
    /** A problem is a phrase; longer text is refused rather than cut, so that no caller loses words unknowingly. */
    public static final int MAX_PROBLEM_CHARS = 1000;

    private final IcdCodeSet codeSet;
    private final DescriptionIndex index;
    private final ProblemAnalyzer analyzer;
    private final CandidateScorer scorer;

    private IcdNormalizer(IcdCodeSet codeSet) {
        Lexicon lexicon = Lexicon.bundled();
        this.codeSet = codeSet;
        this.index = new DescriptionIndex(codeSet, lexicon);
        this.analyzer = new ProblemAnalyzer(lexicon, index);
        this.scorer = new CandidateScorer(lexicon, index);
    }

    /** A normalizer over {@code codes}, with the bundled word lists. */
    public static IcdNormalizer create(IcdCodeSet codes) {
        return new IcdNormalizer(Objects.requireNonNull(codes, "codes"));
    }

    /** The code set this normalizer ranks. */
    public IcdCodeSet codeSet() {
        return codeSet;
    }

    /**
     * Up to {@code k} codes for {@code problem}, best first; ties go to the billable code, then the shorter
     * description, then tabular order.
     *
     * @throws IllegalArgumentException when k is not positive or the problem is longer than
     *             {@value #MAX_PROBLEM_CHARS} characters
     */
    public List<CodeMatch> normalize(String problem, int k) {
        Objects.requireNonNull(problem, "problem");
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, was " + k);
        }
        if (problem.length() > MAX_PROBLEM_CHARS) {
            throw new IllegalArgumentException("a problem of " + problem.length() + " chars exceeds "
                    + MAX_PROBLEM_CHARS);
        }
        List<ProblemAnalyzer.Concept> concepts = analyzer.analyze(problem);
        if (concepts.isEmpty()) {
            return List.of();
        }
        Map<String, Float> terms = new LinkedHashMap<>();
        for (ProblemAnalyzer.Concept c : concepts) {
            if (c.optional() && c.negated()) {
                continue; // a word an index default excludes only lowers the codes that have it
            }
            for (String form : c.forms()) {
                terms.merge(form, c.optional() ? 0.3f : 1f, Math::max);
            }
        }
        List<double[]> scored = new ArrayList<>();
        for (double[] hit : index.candidates(terms, CANDIDATES)) {
            int i = (int) hit[0];
            double s = scorer.score(concepts, i);
            if (s > 0) {
                scored.add(new double[]{i, s});
            }
        }
        scored.sort(Comparator.<double[]>comparingDouble(h -> -h[1]).thenComparing(h -> index.code((int) h[0])
                .billable() ? 0 : 1).thenComparingInt(h -> index.code((int) h[0]).description().length())
                .thenComparingDouble(h -> h[0]));
        List<CodeMatch> out = new ArrayList<>(Math.min(k, scored.size()));
        for (int r = 0; r < scored.size() && r < k; r++) {
            IcdCode code = index.code((int) scored.get(r)[0]);
            out.add(new CodeMatch(code.code(), code.description(), code.billable(), scored.get(r)[1]));
        }
        return out;
    }
}
