package org.clinigate.knowledge;

import java.util.List;
import java.util.Objects;
import org.clinigate.core.Sha256;

/**
 * A retrievable piece of a source document: its exact text, the headings above it, and its offsets
 * {@code [start, end)} into the document's text, so that {@code document.text().substring(start, end)} equals
 * {@code text}.
 *
 * @param id stable id: the first 32 hex digits of SHA-256 over source id, offsets and text; the same chunk of the
 *        same document gets the same id in every index
 * @param sourceId the id of the document it comes from
 * @param headingPath headings above the chunk, outermost first
 * @param start offset of the first character
 * @param end offset one past the last character
 * @param text the exact text
 */
public record Chunk(String id, String sourceId, List<String> headingPath, int start, int end, String text) {

    public Chunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(text, "text");
        headingPath = List.copyOf(headingPath);
        if (start < 0 || end - start != text.length()) {
            throw new IllegalArgumentException("offsets [" + start + ", " + end + ") do not fit a text of length "
                    + text.length());
        }
    }

    /** A chunk with its stable id computed. */
    public static Chunk of(String sourceId, List<String> headingPath, int start, int end, String text) {
        return new Chunk(idOf(sourceId, start, end, text), sourceId, headingPath, start, end, text);
    }

    /** The stable id of a chunk: a digest, so equal inputs give equal ids on every machine. */
    public static String idOf(String sourceId, int start, int end, String text) {
        // The unit separator cannot occur in a source id, so the fields cannot run into each other.
        return Sha256.hex(sourceId + '\u001f' + start + '\u001f' + end + '\u001f' + text).substring(0, 32);
    }

    @Override
    public String toString() {
        return "Chunk[id=" + id + ", source=" + sourceId + ", [" + start + ", " + end + ")]";
    }
}
