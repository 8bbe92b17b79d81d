package org.clinigate.knowledge.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clinigate.knowledge.Section;
import org.clinigate.knowledge.SourceDocument;
import org.clinigate.knowledge.SourceMetadata;

/**
 * Markdown: ATX headings ({@code #} to {@code ######}) open sections, headings inside fenced code blocks do not.
 * Optional front matter between two {@code ---} lines at the very top sets metadata ({@code id, title, source,
 * issuer, date, version, specialty, url, licence}); it is kept in the text but belongs to no section.
 */
final class MarkdownImporter {

    private MarkdownImporter() {
    }

    private record Heading(int level, String text) {
    }

    static SourceDocument parse(String id, String fileName, String text) {
        Map<String, String> front = new LinkedHashMap<>();
        int bodyStart = frontMatter(text, front);
        List<Section> sections = new ArrayList<>();
        List<Heading> stack = new ArrayList<>();
        String firstH1 = null;
        int sectionStart = bodyStart;
        boolean fenced = false;
        int i = bodyStart;
        while (i < text.length()) {
            int lineEnd = text.indexOf('\n', i);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            int next = Math.min(lineEnd + 1, text.length());
            String line = text.substring(i, lineEnd);
            String trimmed = line.stripLeading();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fenced = !fenced;
            } else if (!fenced && line.length() - trimmed.length() <= 3) {
                Heading h = heading(trimmed);
                if (h != null) {
                    addSection(sections, stack, sectionStart, i);
                    while (!stack.isEmpty() && stack.get(stack.size() - 1).level() >= h.level()) {
                        stack.remove(stack.size() - 1);
                    }
                    stack.add(h);
                    if (firstH1 == null && h.level() == 1) {
                        firstH1 = h.text();
                    }
                    sectionStart = next;
                }
            }
            i = next;
        }
        addSection(sections, stack, sectionStart, text.length());
        return new SourceDocument(front.getOrDefault("id", id), metadata(front, fileName, firstH1), text, sections);
    }

    private static void addSection(List<Section> sections, List<Heading> stack, int start, int end) {
        if (end > start) {
            sections.add(new Section(stack.stream().map(Heading::text).toList(), start, end));
        }
    }

    /** An ATX heading, or null: one to six '#', then a space or the end of the line. */
    static Heading heading(String line) {
        int level = 0;
        while (level < line.length() && line.charAt(level) == '#') {
            level++;
        }
        if (level == 0 || level > 6 || level < line.length() && line.charAt(level) != ' ' && line.charAt(
                level) != '\t') {
            return null;
        }
        String text = line.substring(level).strip().replaceAll("\\s+#+$", "").strip();
        return text.isEmpty() ? null : new Heading(level, text);
    }

    /** Reads front matter into {@code out}; returns where the body starts (0 when there is none). */
    static int frontMatter(String text, Map<String, String> out) {
        if (!text.startsWith("---\n")) {
            return 0;
        }
        int end = text.indexOf("\n---", 3);
        if (end < 0) {
            return 0;
        }
        for (String line : text.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String value = line.substring(colon + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                out.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), value);
            }
        }
        int after = text.indexOf('\n', end + 4);
        return after < 0 ? text.length() : after + 1;
    }

    private static SourceMetadata metadata(Map<String, String> f, String fileName, String firstH1) {
        String title = f.getOrDefault("title", firstH1 != null ? firstH1 : Importers.stem(fileName));
        return new SourceMetadata(f.getOrDefault("source", fileName), title, f.get("issuer"), f.get("date"), f.get(
                "version"), f.get("specialty"), f.get("url"), f.getOrDefault("licence", f.get("license")));
    }
}
