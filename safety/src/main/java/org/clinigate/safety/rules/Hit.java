package org.clinigate.safety.rules;

/**
 * One place where a detector found what its rule looks for: {@code [start, end)} into the checked text, and a message
 * that names drugs, numbers or rule text but never quotes the checked text. A null message means the rule's own.
 */
public record Hit(int start, int end, String message) {

    public Hit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("hit must satisfy 0 <= start <= end, got [" + start + ", " + end + ")");
        }
    }

    public static Hit at(int start, int end) {
        return new Hit(start, end, null);
    }
}
