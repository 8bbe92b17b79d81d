package org.clinigate.core.phi;

import java.util.Objects;

/**
 * One detected identifier: a half-open range {@code [start, end)} of UTF-16 offsets into the input text,
 * and its category. It never holds the identifier's value, so it is safe to log, audit and serialise.
 */
public record PhiSpan(int start, int end, PhiCategory category) implements Comparable<PhiSpan> {

    public PhiSpan {
        Objects.requireNonNull(category, "category");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("span must satisfy 0 <= start < end, got [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    /** True when the two ranges share at least one character. */
    public boolean overlaps(PhiSpan other) {
        return start < other.end && other.start < end;
    }

    @Override
    public int compareTo(PhiSpan o) {
        int c = Integer.compare(start, o.start);
        return c != 0 ? c : Integer.compare(o.end, end);
    }
}
