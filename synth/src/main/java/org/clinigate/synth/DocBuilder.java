package org.clinigate.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiSpan;

/**
 * Builds a document's text piece by piece and records each identifier's span as it is appended, so
 * that gold offsets are exact by construction and never found by searching. Casing is applied per
 * piece before its offsets are taken. Not thread safe.
 */
final class DocBuilder {

    /** How every appended piece is cased. */
    enum Casing {
        AS_IS, UPPER, LOWER
    }

    /** A point to roll back to, when an optional piece would make the document too long. */
    record Mark(int length, int spanCount) {
    }

    private final StringBuilder text = new StringBuilder(1024);
    private final List<PhiSpan> spans = new ArrayList<>();
    private final Casing casing;

    DocBuilder(Casing casing) {
        this.casing = casing;
    }

    DocBuilder text(String piece) {
        text.append(cased(piece));
        return this;
    }

    /** Appends an identifier and records its span over exactly the appended characters. */
    DocBuilder phi(PhiCategory category, String value) {
        String piece = cased(value);
        if (piece.isBlank() || !piece.strip().equals(piece)) {
            throw new IllegalStateException("CG-1999: identifier piece of category " + category
                    + " is blank or not trimmed, length " + piece.length());
        }
        int start = text.length();
        text.append(piece);
        spans.add(new PhiSpan(start, text.length(), category));
        return this;
    }

    /** Appends {@code value} as an identifier when {@code isPhi}, else as plain text. */
    DocBuilder maybePhi(boolean isPhi, PhiCategory category, String value) {
        return isPhi ? phi(category, value) : text(value);
    }

    /** The last character written, or a space when nothing is. */
    char lastChar() {
        return text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
    }

    int length() {
        return text.length();
    }

    Mark mark() {
        return new Mark(text.length(), spans.size());
    }

    void reset(Mark mark) {
        text.setLength(mark.length());
        spans.subList(mark.spanCount(), spans.size()).clear();
    }

    /** Drops trailing blanks; spans never end in whitespace, so none is cut. */
    void trimEnd() {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        text.setLength(end);
    }

    String text() {
        return text.toString();
    }

    List<PhiSpan> spans() {
        return List.copyOf(spans);
    }

    private String cased(String piece) {
        return switch (casing) {
            case AS_IS -> piece;
            case UPPER -> piece.toUpperCase(Locale.ROOT);
            case LOWER -> piece.toLowerCase(Locale.ROOT);
        };
    }
}
