package org.clinigate.knowledge.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.knowledge.Section;
import org.clinigate.knowledge.SourceDocument;
import org.clinigate.knowledge.SourceMetadata;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * FDA drug labels as DailyMed Structured Product Labeling (HL7 v3 SPL XML). Every {@code section} of the
 * structured body becomes a section of its own, headed by its title (or its LOINC display name), nested sections
 * under their parents: "BOXED WARNING", "2 DOSAGE AND ADMINISTRATION" then "2.1 Recommended Dosage". The product
 * data elements section (LOINC 48780-1), a table of ingredients, is left out. DTDs and external entities are
 * refused.
 */
final class SplImporter {

    static final String HL7 = "urn:hl7-org:v3";
    private static final String PRODUCT_DATA_ELEMENTS = "48780-1";

    private SplImporter() {
    }

    static SourceDocument parse(String id, String fileName, byte[] bytes) {
        Element root = parseXml(id, bytes).getDocumentElement();
        if (!"document".equals(root.getLocalName()) || !HL7.equals(root.getNamespaceURI())) {
            throw new ClinigateException(ErrorCode.CG_5001, "XML document " + id
                    + " is not a DailyMed SPL document (root element must be urn:hl7-org:v3 document)");
        }
        SplText out = new SplText();
        Element body = descendant(root, "structuredBody");
        if (body != null) {
            for (Element section : sectionsUnder(body)) {
                out.section(section, List.of());
            }
        }
        return new SourceDocument(id, metadata(root, fileName), out.text.toString(), out.sections);
    }

    private static org.w3c.dom.Document parseXml(String id, byte[] bytes) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | IOException e) {
            throw new ClinigateException(ErrorCode.CG_5002, "XML document " + id + " (" + bytes.length
                    + " bytes) cannot be parsed: " + e.getClass().getSimpleName(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required feature", e);
        }
    }

    private static SourceMetadata metadata(Element root, String fileName) {
        String t = inlineText(child(root, "title"));
        SourceMetadata meta = SourceMetadata.titled(t.isEmpty() ? Importers.stem(fileName) : t).withSource(
                "DailyMed SPL").withLicence("FDA drug label (US government work)");
        Element org = descendant(root, "representedOrganization");
        Element orgName = org == null ? null : child(org, "name");
        if (orgName != null) {
            meta = meta.withIssuer(TextDecoding.collapse(orgName.getTextContent()).strip());
        }
        Element time = child(root, "effectiveTime");
        if (time != null && time.getAttribute("value").matches("\\d{8}.*")) {
            String v = time.getAttribute("value");
            meta = meta.withDate(v.substring(0, 4) + "-" + v.substring(4, 6) + "-" + v.substring(6, 8));
        }
        Element version = child(root, "versionNumber");
        if (version != null) {
            meta = meta.withVersion(version.getAttribute("value"));
        }
        Element setId = child(root, "setId");
        if (setId != null && setId.getAttribute("root").matches("[0-9a-fA-F-]{8,64}")) {
            meta = meta.withUrl("https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=" + setId.getAttribute(
                    "root"));
        }
        return meta;
    }

    /** The {@code section} elements in the {@code component}s directly under {@code parent}. */
    static List<Element> sectionsUnder(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && "component".equals(c.getLocalName())) {
                Element s = child(c, "section");
                if (s != null) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** The text of a title-like element on one line: line breaks become spaces. */
    static String inlineText(Element e) {
        if (e == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        appendInline(e, sb);
        return TextDecoding.collapse(sb.toString()).strip();
    }

    private static void appendInline(Node node, StringBuilder sb) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                if ("br".equals(c.getLocalName())) {
                    sb.append(' ');
                }
                appendInline(c, sb);
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(n.getNodeValue());
            }
        }
    }

    static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static Element descendant(Element parent, String localName) {
        var list = parent.getElementsByTagNameNS(HL7, localName);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    /** Accumulates the label's text and its sections. */
    private static final class SplText {
        final StringBuilder text = new StringBuilder();
        final List<Section> sections = new ArrayList<>();

        void section(Element section, List<String> parents) {
            Element code = child(section, "code");
            if (code != null && PRODUCT_DATA_ELEMENTS.equals(code.getAttribute("code"))) {
                return;
            }
            List<String> path = new ArrayList<>(parents);
            String heading = heading(section, code);
            if (!heading.isEmpty()) {
                path.add(heading);
                breakParagraph();
                text.append(heading);
                breakParagraph();
            }
            Element body = child(section, "text");
            if (body != null) {
                breakParagraph();
                int start = text.length();
                appendBlock(body);
                trimEnd();
                if (text.length() > start) {
                    sections.add(new Section(path, start, text.length()));
                }
            }
            for (Element sub : sectionsUnder(section)) {
                section(sub, path);
            }
        }

        private static String heading(Element section, Element code) {
            String t = inlineText(child(section, "title"));
            if (t.isEmpty() && code != null) {
                t = code.getAttribute("displayName").replaceAll("(?i)\\s+SECTION$", "").strip().toUpperCase(
                        Locale.ROOT);
            }
            return t;
        }

        /** Paragraphs, list items and table rows each become a paragraph; inline text is collapsed. */
        private void appendBlock(Element e) {
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c) {
                    String name = c.getLocalName();
                    boolean block = switch (name) {
                        case "paragraph", "item", "tr", "list", "table", "caption" -> true;
                        default -> false;
                    };
                    if (name.equals("br")) {
                        text.append('\n');
                    } else if (block) {
                        breakParagraph();
                        appendBlock(c);
                        breakParagraph();
                    } else {
                        boolean cell = name.equals("td") || name.equals("th");
                        if (cell && !text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                            text.append(' ');
                        }
                        appendBlock(c);
                    }
                } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                    String s = TextDecoding.collapse(n.getNodeValue());
                    boolean atLineStart = text.isEmpty() || text.charAt(text.length() - 1) == '\n';
                    text.append(atLineStart ? s.stripLeading() : s);
                }
            }
        }

        private void breakParagraph() {
            trimEnd();
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
        }

        private void trimEnd() {
            while (!text.isEmpty() && Character.isWhitespace(text.charAt(text.length() - 1))) {
                text.setLength(text.length() - 1);
            }
        }
    }
}
