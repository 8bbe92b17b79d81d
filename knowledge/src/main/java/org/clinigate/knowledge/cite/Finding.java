package org.clinigate.knowledge.cite;

import java.util.List;

/**
 * One result of a citation check, located by offsets {@code [start, end)} into the answer. Findings carry
 * offsets and numbers only, never answer text, so they can be logged.
 */
public sealed interface Finding permits Finding.Supported, Finding.Unsupported, Finding.UnknownSource,
        Finding.PossiblyFabricated {

    int start();

    int end();

    /** True for findings that a reviewer should see: anything but {@link Supported}. */
    default boolean isProblem() {
        return !(this instanceof Supported);
    }

    /** How a claim was found in its source. */
    enum Match {
        /** The claim's text occurs verbatim in the source. */
        EXACT,
        /** It occurs after case, punctuation, dashes, quotes and white space are normalized. */
        NORMALIZED,
        /** Most of its words and all of its numbers occur close together in the source. */
        FUZZY,
        /**
         * Its meaning is close to one or two consecutive sentences of the source (sentence embeddings), and its
         * numbers, units, negations and bounds agree with the source: a paraphrase in other words.
         */
        SEMANTIC
    }

    /** The kinds of reference that a model may make up. */
    enum ReferenceKind {
        PMID, DOI, TRIAL_REGISTRATION, NAMED_TRIAL, AUTHOR_CITATION, GUIDELINE, JOURNAL
    }

    /**
     * The claim at {@code [start, end)} cites source {@code source}, which supports it.
     *
     * @param score 1.0 for exact and normalized matches; the fuzzy score otherwise
     */
    record Supported(int source, int start, int end, Match match, double score) implements Finding {
    }

    /**
     * The claim cites {@code source}, which does not support it (best score {@code score}); {@code foundIn} lists
     * other provided sources that do, so a wrong number can be told from an unsupported claim.
     */
    record Unsupported(int source, int start, int end, double score, boolean quote, List<Integer> foundIn)
            implements
                Finding {
        public Unsupported {
            foundIn = List.copyOf(foundIn);
        }
    }

    /** The marker {@code [source]} refers to no provided source. */
    record UnknownSource(int source, int start, int end) implements Finding {
    }

    /** A reference of this kind that appears in none of the provided sources: possibly made up. */
    record PossiblyFabricated(ReferenceKind kind, int start, int end) implements Finding {
    }
}
