package org.clinigate.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a document into chunks of at most {@code maxChars} characters, section by section, so that no chunk spans
 * two headings. Inside a section it packs whole paragraphs; a paragraph that is too long is cut at sentence ends,
 * and a sentence that is too long at spaces. Each chunk is an exact substring of the document with leading and
 * trailing white space left out; white space between packed pieces is kept as it is. Stateless and thread safe.
 */
public final class Chunker {

    /** About 120 to 150 word pieces of English prose: the size the embedding model was measured at. */
    public static final int DEFAULT_MAX_CHARS = 600;

    private final int maxChars;

    public Chunker(int maxChars) {
        if (maxChars < 50) {
            throw new IllegalArgumentException("maxChars must be at least 50, was " + maxChars);
        }
        this.maxChars = maxChars;
    }

    public Chunker() {
        this(DEFAULT_MAX_CHARS);
    }

    /** The chunks of {@code document}, in document order. */
    public List<Chunk> chunk(SourceDocument document) {
        String text = document.text();
        List<Chunk> chunks = new ArrayList<>();
        for (Section section : document.sections()) {
            List<int[]> pieces = new ArrayList<>();
            for (int[] paragraph : paragraphs(text, section.start(), section.end())) {
                splitToFit(text, paragraph[0], paragraph[1], pieces);
            }
            pack(text, pieces, document.id(), section.headingPath(), chunks);
        }
        return chunks;
    }

    /** Non-blank runs separated by a blank line, each trimmed. */
    static List<int[]> paragraphs(String text, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int start = from;
        int i = from;
        while (i < to) {
            int lineEnd = indexOfOr(text, '\n', i, to);
            int next = Math.min(lineEnd + 1, to);
            if (isBlank(text, i, lineEnd) && i > start) {
                addTrimmed(text, start, i, out);
                start = next;
            }
            i = next;
        }
        addTrimmed(text, start, to, out);
        return out;
    }

    private void splitToFit(String text, int start, int end, List<int[]> out) {
        if (end - start <= maxChars) {
            out.add(new int[]{start, end});
            return;
        }
        for (int[] sentence : sentences(text, start, end)) {
            int s = sentence[0];
            while (sentence[1] - s > maxChars) {
                int cut = lastSpace(text, s, s + maxChars);
                addTrimmed(text, s, cut, out);
                s = skipSpace(text, cut, sentence[1]);
            }
            addTrimmed(text, s, sentence[1], out);
        }
    }

    /** Sentences end after '.', '?', '!' or ';' followed by white space, or at a line break. */
    static List<int[]> sentences(String text, int start, int end) {
        List<int[]> out = new ArrayList<>();
        int s = start;
        for (int i = start; i < end - 1; i++) {
            char c = text.charAt(i);
            boolean stop = (c == '.' || c == '?' || c == '!' || c == ';') && Character.isWhitespace(text.charAt(i
                    + 1)) || c == '\n';
            if (stop) {
                addTrimmed(text, s, i + 1, out);
                s = i + 1;
            }
        }
        addTrimmed(text, s, end, out);
        return out;
    }

    private void pack(String text, List<int[]> pieces, String sourceId, List<String> headings, List<Chunk> out) {
        int i = 0;
        while (i < pieces.size()) {
            int start = pieces.get(i)[0];
            int end = pieces.get(i)[1];
            i++;
            while (i < pieces.size() && pieces.get(i)[1] - start <= maxChars) {
                end = pieces.get(i)[1];
                i++;
            }
            out.add(Chunk.of(sourceId, headings, start, end, text.substring(start, end)));
        }
    }

    /** The last white space in {@code (from, limit]}, or {@code limit} when there is none (a hard cut). */
    private static int lastSpace(String text, int from, int limit) {
        for (int i = limit; i > from + 1; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        // No space: cut hard, but never between the two halves of a surrogate pair.
        return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }

    private static int skipSpace(String text, int i, int end) {
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void addTrimmed(String text, int start, int end, List<int[]> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new int[]{start, end});
        }
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfOr(String text, char c, int from, int to) {
        int i = text.indexOf(c, from);
        return i < 0 || i > to ? to : i;
    }
}
