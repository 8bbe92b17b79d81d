package org.clinigate.knowledge.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Locale;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.knowledge.SourceDocument;
import org.clinigate.knowledge.SourceMetadata;

/**
 * A FHIR R4 DocumentReference (JSON) whose first attachment carries inline {@code data}: the attachment is
 * decoded and read by the importer for its content type (text/plain, text/markdown, text/html, application/pdf,
 * SPL XML). Title, date and issuer come from the resource when the attachment does not set them.
 */
final class DocumentReferenceImporter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentReferenceImporter() {
    }

    static SourceDocument parse(String id, byte[] bytes, Importers importers) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_5002, "JSON document " + id + " (" + bytes.length
                    + " bytes) cannot be parsed: " + e.getClass().getSimpleName(), e);
        }
        if (root == null || !"DocumentReference".equals(root.path("resourceType").asText())) {
            throw new ClinigateException(ErrorCode.CG_5001, "JSON document " + id
                    + " is not a FHIR DocumentReference");
        }
        JsonNode attachment = null;
        for (JsonNode content : root.path("content")) {
            if (content.path("attachment").hasNonNull("data")) {
                attachment = content.path("attachment");
                break;
            }
        }
        if (attachment == null) {
            throw new ClinigateException(ErrorCode.CG_5003, "DocumentReference " + id
                    + " has no attachment with inline data (attachments by URL are not fetched)");
        }
        String ext = extensionFor(attachment.path("contentType").asText(""), id);
        byte[] data;
        try {
            data = Base64.getMimeDecoder().decode(attachment.path("data").asText());
        } catch (IllegalArgumentException e) {
            throw new ClinigateException(ErrorCode.CG_5002, "DocumentReference " + id
                    + " has attachment data that is not base64", e);
        }
        SourceDocument inner = importers.read("attachment." + ext, data, id);
        SourceMetadata meta = inner.metadata().withSource("FHIR DocumentReference");
        String title = attachment.path("title").asText(root.path("description").asText(""));
        if (!title.isBlank()) {
            meta = meta.withTitle(title);
        }
        meta = meta.withDate(root.path("date").asText(meta.date()));
        String issuer = root.path("custodian").path("display").asText(root.path("author").path(0).path("display")
                .asText(""));
        if (!issuer.isBlank()) {
            meta = meta.withIssuer(issuer);
        }
        if (attachment.hasNonNull("url")) {
            meta = meta.withUrl(attachment.path("url").asText());
        }
        return new SourceDocument(id, meta, inner.text(), inner.sections());
    }

    private static String extensionFor(String contentType, String id) {
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return switch (type) {
            case "text/plain" -> "txt";
            case "text/markdown" -> "md";
            case "text/html" -> "html";
            case "application/pdf" -> "pdf";
            case "application/xml", "text/xml", "application/hl7-v3+xml" -> "xml";
            default -> throw new ClinigateException(ErrorCode.CG_5001, "DocumentReference " + id
                    + " has an attachment of unsupported content type '" + (type.matches("[a-z0-9./+-]{1,60}")
                            ? type
                            : "?")
                    + "'");
        };
    }
}
