package org.clinigate.core.rails;

import java.util.Objects;

/**
 * One finding of a rail: the rule that fired, its severity and action, the half-open range {@code [start, end)}
 * of UTF-16 offsets into the checked text, and a message. An empty range ({@code start == end}) marks something
 * missing at that place, such as a disclaimer missing at the end of the text.
 *
 * <p>The message is written by the rule, from rule text, drug names and numbers; it never quotes the checked
 * text, so a flag is safe to log and audit.
 */
public record RailFlag(String rule, Severity severity, RailAction action, int start, int end, String message)
        implements
            Comparable<RailFlag> {

    public RailFlag {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(message, "message");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("flag must satisfy 0 <= start <= end, got [" + start + ", " + end + ")");
        }
    }

    /** True when the two ranges share at least one character. */
    public boolean overlaps(RailFlag other) {
        return start < other.end && other.start < end;
    }

    /** By start, then longer first, then rule id: a stable order for output. */
    @Override
    public int compareTo(RailFlag o) {
        int c = Integer.compare(start, o.start);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(o.end, end);
        return c != 0 ? c : rule.compareTo(o.rule);
    }
}
