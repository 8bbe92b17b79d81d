package org.clinigate.knowledge.terminology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.clinigate.knowledge.embed.Embedder;

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
 * <p>Optionally ({@link #create(IcdCodeSet, Embedder, Path)}) an embedding model proposes the billable codes whose
 * descriptions are closest in meaning to the problem, for wording the word lists lack; they take places 4 and 5 of
 * the ranking when the first three lack them.
 * The semantic source never makes normalizing fail: when it cannot be built or fails on a problem, the lexical
 * ranking stands.
 *
 * <p>Building one over a full release (about 95,000 codes) takes a few seconds and some 200 MB of heap, plus some
 * 110 MB for the semantic source, whose vectors are embedded once (minutes on 2 cores) and then loaded from a cache
 * file in about a second; it is then immutable and thread safe. A problem with no known word gives an empty list
 * without a semantic source. Problem text never appears in exceptions or logs.
 */
public final class IcdNormalizer {

    /** How many BM25 candidates are re-ranked. */
    static final int CANDIDATES = 500;
    /** How many nearest descriptions by meaning are considered. */
    static final int NEIGHBOURS = 10;
    /** A cosine below this says nothing about a short phrase (unrelated ones sit around 0.2-0.4 with MiniLM). */
    static final float MIN_SIMILARITY = 0.5f;
    /** Places that only the lexical ranking fills: it is right far more often than the neighbours (ADR 0016). */
    static final int LEXICAL_FIRST = 3;
    /** Places after those that go to the closest semantic neighbours not yet listed. */
    static final int SEMANTIC_PLACES = 2;
    private static final System.Logger LOG = System.getLogger(IcdNormalizer.class.getName());
    /** A problem is a phrase; longer text is refused rather than cut, so that no caller loses words unknowingly. */
    public static final int MAX_PROBLEM_CHARS = 1000;

    private final IcdCodeSet codeSet;
    private final DescriptionIndex index;
    private final ProblemAnalyzer analyzer;
    private final CandidateScorer scorer;
    private final DefaultChildren defaultChildren;
    private final Optional<SemanticIndex> semantic;

    private IcdNormalizer(IcdCodeSet codeSet, Embedder embedder, Path cacheDir) {
        Lexicon lexicon = Lexicon.bundled();
        this.codeSet = codeSet;
        this.index = new DescriptionIndex(codeSet, lexicon);
        this.analyzer = new ProblemAnalyzer(lexicon, index);
        this.scorer = new CandidateScorer(lexicon, index);
        this.defaultChildren = new DefaultChildren(index.codes());
        this.semantic = embedder == null ? Optional.empty() : semantic(embedder, cacheDir);
    }

    /** A normalizer over {@code codes}, with the bundled word lists and no semantic candidates. */
    public static IcdNormalizer create(IcdCodeSet codes) {
        return new IcdNormalizer(Objects.requireNonNull(codes, "codes"), null, null);
    }

    /**
     * A normalizer over {@code codes} that also proposes the codes whose descriptions {@code embedder} finds closest
     * in meaning to a problem. The description vectors are read from {@code cacheDir}, or embedded (15 to 30 s
     * per 10,000 codes with all-MiniLM-L6-v2 on 2 cores) and written there. When they cannot be built the normalizer
     * logs why and works without them (see {@link #semantic()}). The caller keeps ownership of the embedder and must
     * not close it while this normalizer is in use.
     */
    public static IcdNormalizer create(IcdCodeSet codes, Embedder embedder, Path cacheDir) {
        return new IcdNormalizer(Objects.requireNonNull(codes, "codes"), Objects.requireNonNull(embedder,
                "embedder"), Objects.requireNonNull(cacheDir, "cacheDir"));
    }

    private Optional<SemanticIndex> semantic(Embedder embedder, Path cacheDir) {
        try {
            return Optional.of(SemanticIndex.build(index.codes(), embedder, cacheDir));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "semantic ICD-10-CM candidates disabled: cannot embed the "
                    + "descriptions ({0})", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** The model id of the semantic candidate source, when there is one. */
    public Optional<String> semantic() {
        return semantic.map(SemanticIndex::modelId);
    }

    /** The code set this normalizer ranks. */
    public IcdCodeSet codeSet() {
        return codeSet;
    }

    /**
     * Up to {@code k} codes for {@code problem}, best first; ties go to the billable code, then the shorter
     * description, then tabular order. With a semantic source, places 4 and 5 go to the codes closest in meaning
     * that the first three places lack (see {@link #withNeighbours}), and a problem with no known word may still
     * find codes that way.
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
        List<double[]> lexical = lexical(analyzer.analyze(problem));
        List<double[]> ranked = semantic.isPresent() ? withNeighbours(lexical, neighbours(problem)) : lexical;
        List<CodeMatch> out = new ArrayList<>(Math.min(k, ranked.size()));
        for (int r = 0; r < ranked.size() && r < k; r++) {
            IcdCode code = index.code((int) ranked.get(r)[0]);
            out.add(new CodeMatch(code.code(), code.description(), code.billable(), ranked.get(r)[1]));
        }
        return out;
    }

    /** The BM25 candidates re-ranked, each {code index, score}, best first; those scored 0 are dropped. */
    private List<double[]> lexical(List<ProblemAnalyzer.Concept> concepts) {
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
        return defaultChildren.billableFirst(scored);
    }

    /** The semantic neighbours of a problem, best first; none when the semantic source fails. */
    private List<SemanticIndex.Neighbour> neighbours(String problem) {
        try {
            String text = analyzer.expandedText(problem);
            return text.isBlank() ? List.of() : semantic.orElseThrow().nearest(text, NEIGHBOURS, MIN_SIMILARITY);
        } catch (RuntimeException e) {
            // normalizing never fails because of the semantic source: the lexical ranking stands
            LOG.log(System.Logger.Level.WARNING, "semantic ICD-10-CM candidates skipped for one problem ({0})", e
                    .getClass().getSimpleName());
            return List.of();
        }
    }

    /**
     * The lexical ranking with the best semantic neighbours in reserved places: the first {@value #LEXICAL_FIRST}
     * places stay lexical, the next {@value #SEMANTIC_PLACES} go to the closest neighbours not yet listed, and the
     * rest follow the lexical ranking, then the remaining neighbours. A neighbour's score is its cosine, capped at
     * the score above it so that scores descend.
     */
    static List<double[]> withNeighbours(List<double[]> lexical, List<SemanticIndex.Neighbour> neighbours) {
        List<double[]> out = new ArrayList<>(lexical.size() + neighbours.size());
        Set<Integer> listed = new HashSet<>();
        int li = 0;
        int ni = 0;
        while (li < lexical.size() || ni < neighbours.size()) {
            boolean semanticPlace = out.size() >= LEXICAL_FIRST && out.size() < LEXICAL_FIRST + SEMANTIC_PLACES;
            if ((semanticPlace || li == lexical.size()) && ni < neighbours.size()) {
                SemanticIndex.Neighbour n = neighbours.get(ni++);
                if (listed.add(n.code())) {
                    double above = out.isEmpty() ? 1 : out.get(out.size() - 1)[1];
                    out.add(new double[]{n.code(), Math.min(above, n.similarity())});
                }
            } else if (li < lexical.size()) {
                double[] c = lexical.get(li++);
                if (listed.add((int) c[0])) {
                    out.add(c);
                }
            } else {
                break;
            }
        }
        return out;
    }
}
