package org.clinigate.knowledge.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.knowledge.SourceDocument;

/**
 * Reads a document of any supported type into a {@link SourceDocument}. The type is chosen by file extension:
 * {@code .md .markdown} Markdown (with optional {@code ---} front matter for metadata; an {@code id} there takes
 * precedence over the id passed in), {@code .txt} plain text,
 * {@code .html .htm} HTML, {@code .pdf} PDF, {@code .xml} DailyMed SPL, {@code .json} FHIR DocumentReference.
 *
 * <p>Failures are {@link ClinigateException}s whose messages carry sizes and extensions, never document text:
 * CG-5001 unsupported type, CG-5002 unparsable (corrupt or encrypted PDF, malformed XML), CG-5003 no text,
 * CG-5004 larger than the limit, CG-1002 unreadable file, CG-1003 text that is not UTF-8, CG-1004 binary bytes in a
 * text file. Immutable and thread safe.
 */
public final class Importers {

    /** Files larger than this are refused unless another limit is given: 50 MiB. */
    public static final long DEFAULT_MAX_BYTES = 50L << 20;

    private static final Set<String> EXTENSIONS = Set.of("md", "markdown", "txt", "html", "htm", "pdf", "xml",
            "json");

    private final long maxBytes;

    public Importers() {
        this(DEFAULT_MAX_BYTES);
    }

    public Importers(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The extensions (lower case, without the dot) that have an importer. */
    public static Set<String> supportedExtensions() {
        return EXTENSIONS;
    }

    /** Reads {@code file}; its id is derived from the file name (see {@link #idFromFileName}). */
    public SourceDocument read(Path file) {
        return read(file, idFromFileName(file.getFileName().toString()));
    }

    /** Reads {@code file} under the given source id. */
    public SourceDocument read(Path file, String id) {
        String name = file.getFileName().toString();
        String ext = extension(name);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1002, "cannot read a ." + ext + " document: " + e.getClass()
                    .getSimpleName(), e);
        }
        checkSize(size);
        checkType(ext);
        try {
            return read(name, Files.readAllBytes(file), id);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1002, "cannot read a ." + ext + " document: " + e.getClass()
                    .getSimpleName(), e);
        }
    }

    /** Parses {@code bytes} as the type that {@code fileName}'s extension names. */
    public SourceDocument read(String fileName, byte[] bytes, String id) {
        SourceDocument.checkId(id);
        String ext = extension(fileName);
        checkType(ext);
        checkSize(bytes.length);
        if (bytes.length == 0) {
            throw new ClinigateException(ErrorCode.CG_5003, "document " + id + " is empty (0 bytes)");
        }
        SourceDocument doc = switch (ext) {
            case "md", "markdown" -> MarkdownImporter.parse(id, fileName, TextDecoding.utf8(bytes));
            case "txt" -> TextImporter.parse(id, fileName, TextDecoding.utf8(bytes));
            case "html", "htm" -> HtmlImporter.parse(id, fileName, TextDecoding.utf8(bytes));
            case "pdf" -> PdfImporter.parse(id, fileName, bytes);
            case "xml" -> SplImporter.parse(id, fileName, bytes);
            case "json" -> DocumentReferenceImporter.parse(id, bytes, this);
            default -> throw new UnsupportedOperationException("no importer for ." + ext);
        };
        if (doc.text().isBlank() || doc.sections().stream().allMatch(s -> doc.text().substring(s.start(), s.end())
                .isBlank())) {
            throw new ClinigateException(ErrorCode.CG_5003, "document " + id + " (." + ext + ", " + bytes.length
                    + " bytes) has no text to index");
        }
        return doc;
    }

    /**
     * A source id from a file name: the name without its extension, lower case, with every character outside
     * {@code [a-z0-9._-]} replaced by '-'.
     */
    public static String idFromFileName(String fileName) {
        String stem = stem(fileName).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        stem = stem.replaceAll("^-+|-+$", "");
        if (stem.isEmpty()) {
            stem = "document";
        }
        return stem.length() > SourceDocument.MAX_ID_LENGTH
                ? stem.substring(0, SourceDocument.MAX_ID_LENGTH)
                : stem;
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private void checkSize(long size) {
        if (size > maxBytes) {
            throw new ClinigateException(ErrorCode.CG_5004, "document of " + size + " bytes exceeds the limit of "
                    + maxBytes + " bytes");
        }
    }

    private static void checkType(String ext) {
        if (!EXTENSIONS.contains(ext)) {
            String shown = ext.length() > 10 || !ext.matches("[a-z0-9]*") ? "?" : ext;
            throw new ClinigateException(ErrorCode.CG_5001, "unsupported document type '." + shown
                    + "'; supported: " + String.join(", ", EXTENSIONS.stream().sorted().toList()));
        }
    }
}
