package org.clinigate.knowledge.ingest;

import org.clinigate.knowledge.SourceDocument;
import org.clinigate.knowledge.SourceMetadata;

/** Plain text: one section without headings; the title is the first non-blank line when it is short. */
final class TextImporter {

    private TextImporter() {
    }

    static SourceDocument parse(String id, String fileName, String text) {
        String title = Importers.stem(fileName);
        for (String line : text.split("\n", 20)) {
            if (!line.isBlank()) {
                if (line.strip().length() <= 120) {
                    title = line.strip();
                }
                break;
            }
        }
        return SourceDocument.plain(id, SourceMetadata.titled(title).withSource(fileName), text);
    }
}
