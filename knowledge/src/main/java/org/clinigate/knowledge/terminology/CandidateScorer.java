package org.clinigate.knowledge.terminology;

import java.util.List;

/**
 * Scores how well one description covers a problem. Coverage (recall) is the weight of the problem's words the
 * description has; precision is that weight against the description's unmatched words, each counted by its inverse
 * document frequency times its word-list factor (optional words and words after "without" or "not" never count,
 * "unspecified" and grammar words count 0). A problem word the description excludes ("without X" for a problem
 * that says X) counts against it like an unmatched word. The score is the F-measure with recall weighted
 * {@value #BETA} times, lowered for codes that are not billable. Stateless and thread safe.
 */
final class CandidateScorer {

    /** Recall counts this many times as much as precision: a code must first say what the problem says. */
    static final double BETA = 1.5;
    /** A category or subcategory with children is not a valid code on a claim; it only wins by a clear margin. */
    static final double NOT_BILLABLE = 0.85;
    /** Among equal covers, the code the tabular list calls unspecified is the default for a problem that says no more. */
    static final double UNSPECIFIED = 1.01;
    /** External causes (V00-Y99) describe how an injury happened, never the problem itself. */
    static final double EXTERNAL_CAUSE = 0.8;
    /**
     * An unmatched description word counts at most this much (about the weight of a word in 600 descriptions): a
     * rare extra word is often the tabular list's synonym of a problem word, not a different disease.
     */
    static final double MAX_AGAINST = 5.0;
    /** An optional problem word (an expansion's parenthesis, an index default) counts half when a description has it. */
    static final double OPTIONAL = 0.5;

    private final Lexicon lexicon;
    private final DescriptionIndex index;

    CandidateScorer(Lexicon lexicon, DescriptionIndex index) {
        this.lexicon = lexicon;
        this.index = index;
    }

    double score(List<ProblemAnalyzer.Concept> concepts, int code) {
        DescriptionIndex.Unit[] units = index.units(code);
        double total = 0;
        double matched = 0;
        double against = 0;
        for (ProblemAnalyzer.Concept c : concepts) {
            int state = state(c, units);
            if (state >= MATCHED_OPTIONAL) {
                // an optional word counts less, and less again when the description has it only in parentheses
                double w = c.optional()
                        ? c.weight() * (state == MATCHED_OPTIONAL ? OPTIONAL * OPTIONAL : OPTIONAL)
                        : c.weight();
                matched += w;
                total += w;
            } else if (!c.optional()) {
                total += c.weight();
                against += state == EXCLUDED ? c.weight() : 0;
            } else if (c.negated() && state == EXCLUDED) {
                // a word an index default excludes ("-subsequent"): a description that has it says something else
                against += c.weight();
            }
        }
        if (matched == 0) {
            return 0;
        }
        for (DescriptionIndex.Unit u : units) {
            if (!u.optional() && !u.negated() && !covered(u, concepts)) {
                // an extra word of the description: it says more than the problem
                against += Math.min(index.idf(u.stem()), MAX_AGAINST) * u.factor();
            }
        }
        // recall: share of the problem the description says; precision: share of the description the problem says
        double recall = matched / total;
        double precision = matched / (matched + against);
        double b2 = BETA * BETA;
        double f = (1 + b2) * precision * recall / (b2 * precision + recall);
        IcdCode icd = index.code(code);
        char chapter = icd.code().charAt(0);
        double prior = chapter >= 'V' && chapter <= 'Y' ? EXTERNAL_CAUSE : 1;
        double unspecified = index.saysUnspecified(code) ? UNSPECIFIED : 1;
        return (icd.billable() ? f : f * NOT_BILLABLE) * prior * unspecified;
    }

    private static final int ABSENT = 0;
    private static final int EXCLUDED = 1;
    private static final int MATCHED_OPTIONAL = 2;
    private static final int MATCHED = 3;

    /**
     * How the description treats a problem word: absent, excluded (the description says the opposite), or matched
     * (only by optional words, or by a real one). A negated problem word ("without aura") is matched by a negated
     * description word and excluded by a plain one.
     */
    private static int state(ProblemAnalyzer.Concept c, DescriptionIndex.Unit[] units) {
        int state = ABSENT;
        for (DescriptionIndex.Unit u : units) {
            if (c.forms().contains(u.stem())) {
                boolean agrees = u.negated() == c.negated();
                if (agrees && !u.optional()) {
                    return MATCHED;
                }
                state = Math.max(state, agrees ? MATCHED_OPTIONAL : EXCLUDED);
            }
        }
        return state;
    }

    private static boolean covered(DescriptionIndex.Unit u, List<ProblemAnalyzer.Concept> concepts) {
        for (ProblemAnalyzer.Concept c : concepts) {
            if (c.forms().contains(u.stem()) && !c.negated()) {
                return true;
            }
        }
        return false;
    }
}
