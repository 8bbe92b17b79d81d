package org.clinigate.knowledge.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.knowledge.Section;
import org.clinigate.knowledge.SourceDocument;
import org.clinigate.knowledge.SourceMetadata;

/**
 * PDF through Apache PDFBox: the text of each page in reading order, one section per page with the heading path
 * {@code ["page N"]}, so a citation can name its page. Scanned pages without a text layer give no text (no OCR).
 */
final class PdfImporter {

    private PdfImporter() {
    }

    static SourceDocument parse(String id, String fileName, byte[] bytes) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            StringBuilder text = new StringBuilder();
            List<Section> sections = new ArrayList<>();
            int pages = pdf.getNumberOfPages();
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(pdf).replace("\r\n", "\n").replace('\r', '\n').strip();
                if (page.isEmpty()) {
                    continue;
                }
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                int start = text.length();
                text.append(page);
                sections.add(new Section(List.of("page " + p), start, text.length()));
            }
            String title = pdf.getDocumentInformation().getTitle();
            SourceMetadata meta = SourceMetadata.titled(title == null || title.isBlank()
                    ? Importers.stem(fileName)
                    : title).withSource(fileName);
            String author = pdf.getDocumentInformation().getAuthor();
            if (author != null) {
                meta = meta.withIssuer(author.strip());
            }
            return new SourceDocument(id, meta, text.toString(), sections);
        } catch (InvalidPasswordException e) {
            throw new ClinigateException(ErrorCode.CG_5002, "PDF document " + id
                    + " is encrypted with a password; export an unencrypted copy", e);
        } catch (IOException | RuntimeException e) {
            throw new ClinigateException(ErrorCode.CG_5002, "PDF document " + id + " (" + bytes.length
                    + " bytes) cannot be parsed: " + e.getClass().getSimpleName(), e);
        }
    }
}
