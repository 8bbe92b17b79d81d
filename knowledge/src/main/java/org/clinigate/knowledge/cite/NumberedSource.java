package org.clinigate.knowledge.cite;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.clinigate.knowledge.Passage;

/**
 * A source as the model saw it: its number in the prompt ({@code [1]}, {@code [2]}, ...) and its text.
 *
 * @param number the 1-based number the answer cites it by
 * @param sourceId the id of the document it comes from
 * @param title the document's title
 * @param issuer who issued the document
 * @param date the document's date
 * @param text the passage text the model was shown
 */
public record NumberedSource(int number, String sourceId, String title, String issuer, String date, String text) {

    public NumberedSource {
        if (number < 1) {
            throw new IllegalArgumentException("source numbers start at 1, was " + number);
        }
        Objects.requireNonNull(sourceId, "sourceId");
        title = Objects.requireNonNullElse(title, "");
        issuer = Objects.requireNonNullElse(issuer, "");
        date = Objects.requireNonNullElse(date, "");
        Objects.requireNonNull(text, "text");
    }

    /** Sources numbered 1, 2, ... in the order of the passages, as a grounding prompt lists them. */
    public static List<NumberedSource> fromPassages(List<Passage> passages) {
        List<NumberedSource> out = new ArrayList<>(passages.size());
        for (Passage p : passages) {
            out.add(new NumberedSource(out.size() + 1, p.chunk().sourceId(), p.source().title(), p.source()
                    .issuer(), p.source().date(), p.chunk().text()));
        }
        return out;
    }

    /**
     * The sources block of a grounding prompt: each source as {@code [n] Title (issuer, date)} followed by its
     * text, so that the numbers the model cites are the numbers this verifier checks.
     */
    public static String promptBlock(List<NumberedSource> sources) {
        StringBuilder sb = new StringBuilder();
        for (NumberedSource s : sources) {
            sb.append('[').append(s.number()).append("] ").append(s.title());
            String by = String.join(", ", java.util.stream.Stream.of(s.issuer(), s.date()).filter(x -> !x.isBlank())
                    .toList());
            if (!by.isEmpty()) {
                sb.append(" (").append(by).append(')');
            }
            sb.append('\n').append(s.text().strip()).append("\n\n");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "NumberedSource[" + number + ", " + sourceId + ", chars=" + text.length() + "]";
    }
}
