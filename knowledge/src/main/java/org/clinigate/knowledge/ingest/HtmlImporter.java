package org.clinigate.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.clinigate.knowledge.Section;
import org.clinigate.knowledge.SourceDocument;
import org.clinigate.knowledge.SourceMetadata;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML: the body's text in reading order, one paragraph per block element, with {@code h1} to {@code h6} opening
 * sections. Scripts, styles and navigation are left out. The document text is the extracted text, not the markup.
 */
final class HtmlImporter {

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "table", "tr", "td", "th",
            "pre", "blockquote", "section", "article", "dt", "dd", "caption", "figcaption", "main", "header",
            "footer", "aside");
    private static final Set<String> SKIP = Set.of("script", "style", "nav", "noscript", "template", "head");

    private HtmlImporter() {
    }

    static SourceDocument parse(String id, String fileName, String html) {
        Document dom = Jsoup.parse(html);
        Extractor x = new Extractor();
        NodeTraversor.traverse(x, dom.body());
        x.closeSection();
        String title = !dom.title().isBlank()
                ? dom.title()
                : x.firstHeading != null
                        ? x.firstHeading
                        : Importers
                                .stem(fileName);
        return new SourceDocument(id, SourceMetadata.titled(title).withSource(fileName), x.text.toString(),
                x.sections);
    }

    private static final class Extractor implements NodeVisitor {
        final StringBuilder text = new StringBuilder();
        final List<Section> sections = new ArrayList<>();
        final List<int[]> levels = new ArrayList<>();
        final List<String> headings = new ArrayList<>();
        String firstHeading;
        int sectionStart;
        Node skipping;

        @Override
        public void head(Node node, int depth) {
            if (skipping != null) {
                return;
            }
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (SKIP.contains(tag)) {
                    skipping = node;
                } else if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
                    heading(tag.charAt(1) - '0', TextDecoding.collapse(e.text()).strip());
                    skipping = node;
                } else if (tag.equals("br")) {
                    text.append('\n');
                }
            } else if (node instanceof TextNode t) {
                String s = TextDecoding.collapse(t.getWholeText());
                boolean atLineStart = text.isEmpty() || text.charAt(text.length() - 1) == '\n';
                text.append(atLineStart ? s.stripLeading() : s);
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (skipping == node) {
                skipping = null;
                return;
            }
            if (skipping == null && node instanceof Element e && BLOCKS.contains(e.normalName())) {
                paragraphBreak();
            }
        }

        private void heading(int level, String title) {
            if (title.isEmpty()) {
                return;
            }
            closeSection();
            while (!levels.isEmpty() && levels.get(levels.size() - 1)[0] >= level) {
                levels.remove(levels.size() - 1);
                headings.remove(headings.size() - 1);
            }
            levels.add(new int[]{level});
            headings.add(title);
            if (firstHeading == null) {
                firstHeading = title;
            }
            paragraphBreak();
            text.append(title);
            paragraphBreak();
            sectionStart = text.length();
        }

        void closeSection() {
            trimTrailingSpaces();
            if (text.length() > sectionStart) {
                sections.add(new Section(headings, sectionStart, text.length()));
            }
        }

        private void paragraphBreak() {
            trimTrailingSpaces();
            if (text.isEmpty()) {
                return;
            }
            if (text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
            if (text.length() < 2 || text.charAt(text.length() - 2) != '\n') {
                text.append('\n');
            }
        }

        private void trimTrailingSpaces() {
            while (!text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
                text.setLength(text.length() - 1);
            }
        }
    }
}
