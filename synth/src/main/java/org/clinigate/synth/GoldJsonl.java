package org.clinigate.synth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiSpan;

/**
 * Reads and writes gold corpora as JSON Lines, one document per line:
 * {@code {"id":"...","style":"NURSING_NOTE","patientId":"...","text":"...","spans":[{"start":0,"end":5,"category":"NAME"}]}}.
 *
 * <p>Stateless and thread safe. Reading fails with an {@link IllegalArgumentException} whose message
 * carries a stable code and the 1-based line number, never the line's text; the parser's own
 * exception is not chained, because it quotes the input. I/O failures surface as
 * {@link UncheckedIOException}.
 */
public final class GoldJsonl {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private GoldJsonl() {
    }

    /** Writes each document as one line terminated by {@code \n}; does not close {@code out}. */
    public static void write(Iterable<GoldDocument> documents, Writer out) {
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(out, "out");
        try {
            for (GoldDocument doc : documents) {
                out.write(MAPPER.writeValueAsString(toJson(doc)));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("CG-1007: cannot write gold corpus", e);
        }
    }

    /**
     * Reads every non-blank line as one document; does not close {@code in}.
     *
     * @throws IllegalArgumentException naming the line number when a line is not a valid document
     */
    public static List<GoldDocument> read(Reader in) {
        Objects.requireNonNull(in, "in");
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<GoldDocument> docs = new ArrayList<>();
        int number = 0;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (!line.isBlank()) {
                    docs.add(parse(line, number));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CG-1002: cannot read gold corpus after line " + number, e);
        }
        return List.copyOf(docs);
    }

    private static ObjectNode toJson(GoldDocument doc) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", doc.id());
        node.put("style", doc.style().name());
        node.put("patientId", doc.patientId());
        node.put("text", doc.text());
        ArrayNode spans = node.putArray("spans");
        for (PhiSpan span : doc.spans()) {
            spans.addObject().put("start", span.start()).put("end", span.end()).put("category", span.category().name());
        }
        return node;
    }

    private static GoldDocument parse(String line, int number) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            throw new IllegalArgumentException(
                    "CG-1005: line " + number + " is not valid JSON (column " + column + ")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("CG-1005: line " + number + " is not a JSON object");
        }
        try {
            List<PhiSpan> spans = new ArrayList<>();
            JsonNode array = node.get("spans");
            if (array == null || !array.isArray()) {
                throw new IllegalArgumentException("field 'spans' must be an array");
            }
            for (JsonNode s : array) {
                spans.add(new PhiSpan(integer(s, "start"), integer(s, "end"), category(s)));
            }
            return new GoldDocument(string(node, "id"), style(node), string(node, "patientId"), string(node, "text"),
                    spans);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CG-1008: line " + number + ": " + e.getMessage());
        }
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string");
        }
        return value.textValue();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isInt()) {
            throw new IllegalArgumentException("span field '" + field + "' must be an integer");
        }
        return value.intValue();
    }

    private static PhiCategory category(JsonNode span) {
        JsonNode value = span.get("category");
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("span field 'category' must be a string");
        }
        return PhiCategory.parse(value.textValue());
    }

    private static NoteStyle style(JsonNode node) {
        String name = string(node, "style");
        for (NoteStyle s : NoteStyle.values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown style; allowed: " + Arrays.toString(NoteStyle.values()));
    }
}
