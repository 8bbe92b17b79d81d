package org.clinigate.safety.citation;

import java.util.Objects;

/**
 * One citation problem, located by {@code [start, end)} into the answer. {@code detail} says what is wrong in words
 * and numbers (a marker number, a reference kind), never quoting the answer.
 */
public record CitationFinding(Kind kind, int start, int end, String detail) {

    /** What is wrong. */
    public enum Kind {
        /** A marker such as {@code [4]} names no provided source. */
        UNKNOWN_SOURCE,
        /** A PMID, DOI, trial, author or journal citation appears in none of the provided sources. */
        POSSIBLY_FABRICATED,
        /** A cited source does not support the claim that cites it (checks that compare claims only). */
        UNSUPPORTED_CLAIM
    }

    public CitationFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("finding must satisfy 0 <= start <= end");
        }
    }
}
