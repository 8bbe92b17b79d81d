package org.clinigate.knowledge;

import java.util.List;

/**
 * A run of body text under one heading path, as exact offsets {@code [start, end)} into its document's text.
 *
 * @param headingPath the headings above this text, outermost first; empty for text before any heading
 * @param start the first character of the body
 * @param end one past the last character of the body
 */
public record Section(List<String> headingPath, int start, int end) {

    public Section {
        headingPath = List.copyOf(headingPath);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad section bounds [" + start + ", " + end + ")");
        }
    }
}
