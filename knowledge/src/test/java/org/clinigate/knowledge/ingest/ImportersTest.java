package org.clinigate.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.knowledge.Chunk;
import org.clinigate.knowledge.Chunker;
import org.clinigate.knowledge.Section;
import org.clinigate.knowledge.SourceDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportersTest {

    static final Importers IMPORTERS = new Importers();

    @TempDir
    Path dir;

    static final String MARKDOWN = """
            ---
            title: Warfarin monitoring
            issuer: Example Society
            date: 2012
            specialty: Haematology
            url: https://example.org/warfarin
            licence: demo
            ---
            Preamble line.

            # Warfarin
            Intro paragraph.

            ## INR targets
            Most indications: INR 2.0 to 3.0.

            ```
            # not a heading inside a fence
            ```

            ### Mechanical valves
            Some valves need 2.5 to 3.5.
            ## Monitoring #
            Check often at the start.
            """;

    @Test
    void markdown_keeps_front_matter_metadata_heading_paths_and_exact_offsets() {
        SourceDocument d = IMPORTERS.read("warfarin.md", MARKDOWN.getBytes(StandardCharsets.UTF_8), "w");
        assertThat(d.text()).isEqualTo(MARKDOWN);
        assertThat(d.metadata().title()).isEqualTo("Warfarin monitoring");
        assertThat(d.metadata().issuer()).isEqualTo("Example Society");
        assertThat(d.metadata().specialty()).isEqualTo("haematology");
        assertThat(d.metadata().licence()).isEqualTo("demo");
        assertThat(d.sections()).extracting(Section::headingPath).containsExactly(List.of(), List.of("Warfarin"),
                List.of("Warfarin", "INR targets"), List.of("Warfarin", "INR targets", "Mechanical valves"), List.of(
                        "Warfarin", "Monitoring"));
        assertThat(d.text().substring(d.sections().get(0).start(), d.sections().get(0).end())).isEqualTo(
                "Preamble line.\n\n");
        List<Chunk> chunks = new Chunker().chunk(d);
        assertThat(chunks).extracting(Chunk::text).contains("Most indications: INR 2.0 to 3.0.\n\n```\n"
                + "# not a heading inside a fence\n```", "Check often at the start.");
        chunks.forEach(c -> assertThat(d.text().substring(c.start(), c.end())).isEqualTo(c.text()));
    }

    @Test
    void markdown_without_front_matter_takes_the_first_h1_as_title_and_crlf_becomes_lf() {
        byte[] bytes = "\uFEFF# Sepsis\r\nGive antibiotics early.\r\n".getBytes(StandardCharsets.UTF_8);
        SourceDocument d = IMPORTERS.read("s.md", bytes, "s");
        assertThat(d.metadata().title()).isEqualTo("Sepsis");
        assertThat(d.metadata().source()).isEqualTo("s.md");
        assertThat(d.text()).isEqualTo("# Sepsis\nGive antibiotics early.\n");
    }

    @Test
    void plain_text_is_one_section_titled_by_its_first_line() throws IOException {
        Path file = dir.resolve("Chest Pain Red Flags.txt");
        Files.writeString(file, "Chest pain red flags\n\nPain with sweating and breathlessness.\n");
        SourceDocument d = IMPORTERS.read(file);
        assertThat(d.id()).isEqualTo("chest-pain-red-flags");
        assertThat(d.metadata().title()).isEqualTo("Chest pain red flags");
        assertThat(d.sections()).hasSize(1);
    }

    @Test
    void html_gives_text_in_reading_order_with_heading_sections_and_no_scripts() {
        String html = """
                <html><head><title>Fever in children</title><script>var x = 'secret';</script></head>
                <body><nav>Home | About</nav>
                <h1>Fever</h1><p>Fever is   common.</p>
                <h2>Red features</h2><ul><li>Pale or mottled skin</li><li>Non-blanching <b>rash</b></li></ul>
                <h2>Treatment</h2><p>Paracetamol<br>or ibuprofen.</p><style>p{}</style></body></html>
                """;
        SourceDocument d = IMPORTERS.read("fever.html", html.getBytes(StandardCharsets.UTF_8), "fever");
        assertThat(d.metadata().title()).isEqualTo("Fever in children");
        assertThat(d.text()).doesNotContain("secret", "Home", "p{}");
        assertThat(d.sections()).extracting(Section::headingPath).containsExactly(List.of("Fever"), List.of(
                "Fever", "Red features"), List.of("Fever", "Treatment"));
        Section red = d.sections().get(1);
        assertThat(d.text().substring(red.start(), red.end()).strip()).isEqualTo(
                "Pale or mottled skin\n\nNon-blanching rash");
        assertThat(d.text()).contains("Fever is common.", "Paracetamol\nor ibuprofen.");
    }

    @Test
    void pdf_text_is_read_page_by_page() throws IOException {
        byte[] pdf = pdf(null, "Page one says INR 2 to 3.", "Page two says check weekly.");
        SourceDocument d = IMPORTERS.read("guide.pdf", pdf, "guide");
        assertThat(d.sections()).extracting(Section::headingPath).containsExactly(List.of("page 1"), List.of(
                "page 2"));
        assertThat(d.text()).contains("Page one says INR 2 to 3.").contains("Page two says check weekly.");
        for (Chunk c : new Chunker().chunk(d)) {
            assertThat(d.text().substring(c.start(), c.end())).isEqualTo(c.text());
        }
    }

    @Test
    void a_corrupt_pdf_is_a_parse_error() {
        byte[] bytes = "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntruncated".getBytes(StandardCharsets.US_ASCII);
        assertCode(() -> IMPORTERS.read("bad.pdf", bytes, "bad"), ErrorCode.CG_5002);
        assertCode(() -> IMPORTERS.read("noise.pdf", new byte[]{1, 2, 3, 4, 5}, "noise"), ErrorCode.CG_5002);
    }

    @Test
    void a_password_protected_pdf_is_a_parse_error_that_says_so() throws IOException {
        byte[] bytes = pdf("user-secret", "Hidden text.");
        assertThatThrownBy(() -> IMPORTERS.read("locked.pdf", bytes, "locked")).isInstanceOfSatisfying(
                ClinigateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CG_5002);
                    assertThat(e.getMessage()).contains("encrypted").doesNotContain("user-secret");
                });
    }

    @Test
    void a_pdf_without_a_text_layer_has_no_text_to_index() throws IOException {
        assertCode(() -> IMPORTERS.read("scan.pdf", pdf(null), "scan"), ErrorCode.CG_5003);
    }

    @Test
    void empty_and_blank_documents_are_refused() {
        assertCode(() -> IMPORTERS.read("e.md", new byte[0], "e"), ErrorCode.CG_5003);
        assertCode(() -> IMPORTERS.read("e.txt", " \n\n\t".getBytes(StandardCharsets.UTF_8), "e"), ErrorCode.CG_5003);
        assertCode(() -> IMPORTERS.read("e.md", "# Only a heading\n".getBytes(StandardCharsets.UTF_8), "e"),
                ErrorCode.CG_5003);
        assertCode(() -> IMPORTERS.read("e.html", "<html><body><script>x</script></body></html>".getBytes(
                StandardCharsets.UTF_8), "e"), ErrorCode.CG_5003);
    }

    @Test
    void unsupported_types_are_named_by_extension_only() {
        assertThatThrownBy(() -> IMPORTERS.read("patient-smith.docx", new byte[]{1}, "d")).isInstanceOfSatisfying(
                ClinigateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CG_5001);
                    assertThat(e.getMessage()).contains(".docx").doesNotContain("smith");
                });
        assertCode(() -> IMPORTERS.read("noext", new byte[]{1}, "d"), ErrorCode.CG_5001);
        assertCode(() -> IMPORTERS.read("x.xml", "<root/>".getBytes(StandardCharsets.UTF_8), "d"),
                ErrorCode.CG_5001);
    }

    @Test
    void a_file_over_the_limit_is_refused_before_it_is_read() throws IOException {
        Path big = dir.resolve("big.txt");
        Files.write(big, new byte[4096]);
        assertThatThrownBy(() -> new Importers(1024).read(big)).isInstanceOfSatisfying(ClinigateException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CG_5004);
                    assertThat(e.getMessage()).contains("4096", "1024");
                });
    }

    @Test
    void bad_encodings_and_binary_text_are_refused() {
        assertCode(() -> IMPORTERS.read("a.txt", new byte[]{'a', (byte) 0xC3, 'b'}, "a"), ErrorCode.CG_1003);
        assertCode(() -> IMPORTERS.read("a.md", new byte[]{'a', 0, 'b'}, "a"), ErrorCode.CG_1004);
    }

    @Test
    void a_missing_file_is_an_input_error() {
        assertCode(() -> IMPORTERS.read(dir.resolve("missing.md")), ErrorCode.CG_1002);
    }

    @Test
    void malformed_xml_and_doctype_entities_are_refused() {
        assertCode(() -> IMPORTERS.read("a.xml", "<document xmlns=\"urn:hl7-org:v3\"><title>".getBytes(
                StandardCharsets.UTF_8), "a"), ErrorCode.CG_5002);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<document xmlns=\"urn:hl7-org:v3\"><title>&x;</title></document>";
        assertCode(() -> IMPORTERS.read("a.xml", xxe.getBytes(StandardCharsets.UTF_8), "a"), ErrorCode.CG_5002);
    }

    @Test
    void a_fhir_document_reference_is_read_through_its_attachment() {
        String data = Base64.getEncoder().encodeToString("# Lithium\nCheck levels 12 hours after a dose.\n"
                .getBytes(StandardCharsets.UTF_8));
        String json = """
                {"resourceType": "DocumentReference", "date": "2023-05-01", "description": "Lithium monitoring",
                 "custodian": {"display": "Example Trust"},
                 "content": [{"attachment": {"contentType": "text/markdown; charset=utf-8", "data": "%s"}}]}
                """.formatted(data);
        SourceDocument d = IMPORTERS.read("ref.json", json.getBytes(StandardCharsets.UTF_8), "lithium");
        assertThat(d.metadata().title()).isEqualTo("Lithium monitoring");
        assertThat(d.metadata().issuer()).isEqualTo("Example Trust");
        assertThat(d.metadata().date()).isEqualTo("2023-05-01");
        assertThat(d.sections()).extracting(Section::headingPath).containsExactly(List.of("Lithium"));
        assertCode(() -> IMPORTERS.read("p.json", "{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8),
                "p"), ErrorCode.CG_5001);
        assertCode(() -> IMPORTERS.read("p.json", "{not json".getBytes(StandardCharsets.UTF_8), "p"),
                ErrorCode.CG_5002);
    }

    @Test
    void ids_from_file_names_are_valid_source_ids() {
        assertThat(Importers.idFromFileName("ADA Standards (2024).md")).isEqualTo("ada-standards-2024");
        assertThat(Importers.idFromFileName("###.md")).isEqualTo("document");
        SourceDocument.checkId(Importers.idFromFileName("ü".repeat(300) + ".pdf"));
    }

    static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ClinigateException.class, e -> assertThat(e.code())
                .isEqualTo(code));
    }

    /** A PDF with one page per text (no text for none), optionally locked with a user password. */
    static byte[] pdf(String password, String... pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pages.length == 0 ? new String[]{null} : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                if (text != null) {
                    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                        cs.beginText();
                        cs.setFont(font, 12);
                        cs.newLineAtOffset(72, 700);
                        cs.showText(text);
                        cs.endText();
                    }
                }
            }
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-x", password,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
