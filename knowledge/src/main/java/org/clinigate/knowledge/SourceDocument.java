package org.clinigate.knowledge;

import java.util.List;

/**
 * One imported document: its stable id, metadata, the full text that every offset refers to, and its sections.
 *
 * <p>For Markdown and plain text the text is the file's content decoded from UTF-8, with a byte order mark
 * dropped and line endings turned into {@code \n}; for a file with {@code \n} endings offsets point into the file.
 * For HTML, PDF and SPL XML it is the text the importer extracted, in reading order.
 *
 * @param id the stable source id: letters, digits and {@code . _ : / -}, at most 200 characters
 * @param metadata what the document is and where it comes from
 * @param text the document's text
 * @param sections body spans under their headings, in order, within {@code text}, not overlapping
 */
public record SourceDocument(String id, SourceMetadata metadata, String text, List<Section> sections) {

    /** The longest source id accepted. */
    public static final int MAX_ID_LENGTH = 200;

    public SourceDocument {
        checkId(id);
        java.util.Objects.requireNonNull(metadata, "metadata");
        java.util.Objects.requireNonNull(text, "text");
        sections = List.copyOf(sections);
        int previousEnd = 0;
        for (Section s : sections) {
            if (s.start() < previousEnd || s.end() > text.length()) {
                throw new IllegalArgumentException("section [" + s.start() + ", " + s.end()
                        + ") is out of order or outside the text of length " + text.length());
            }
            previousEnd = s.end();
        }
    }

    /** A document whose whole text is one section without headings. */
    public static SourceDocument plain(String id, SourceMetadata metadata, String text) {
        return new SourceDocument(id, metadata, text, List.of(new Section(List.of(), 0, text.length())));
    }

    /** Throws unless {@code id} is a valid source id. */
    public static void checkId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("source id must have 1 to " + MAX_ID_LENGTH + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
                    || c == '_' || c == ':' || c == '/' || c == '-';
            if (!ok) {
                throw new IllegalArgumentException("source id has a character not allowed at index " + i);
            }
        }
    }

    @Override
    public String toString() {
        return "SourceDocument[id=" + id + ", chars=" + text.length() + ", sections=" + sections.size() + "]";
    }
}
