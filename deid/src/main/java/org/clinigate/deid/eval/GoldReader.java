package org.clinigate.deid.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiSpan;
import org.clinigate.deid.batch.LineReader;
import org.clinigate.deid.batch.Offsets;

/**
 * Reads gold JSONL: {@code {"id","text","spans":[{"start","end","category"}]}} with code-point offsets.
 * Other fields are ignored. Errors name the line, never the text.
 */
public final class GoldReader {

    private GoldReader() {
    }

    public static List<GoldRecord> read(InputStream in) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        LineReader reader = new LineReader(in, 64 << 20);
        List<GoldRecord> out = new ArrayList<>();
        LineReader.Line line;
        while ((line = reader.next()) != null) {
            if (line.tooLong()) {
                throw new ClinigateException(ErrorCode.CG_1006, "gold line " + line.number() + " is too long");
            }
            if (line.text().isBlank()) {
                continue;
            }
            out.add(parse(mapper, line.text(), line.number()));
        }
        return out;
    }

    private static GoldRecord parse(ObjectMapper mapper, String json, long n) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ClinigateException(ErrorCode.CG_1008, "gold line " + n + ": malformed JSON");
        }
        JsonNode text = node.get("text");
        JsonNode spans = node.get("spans");
        if (text == null || !text.isTextual() || spans == null || !spans.isArray()) {
            throw new ClinigateException(ErrorCode.CG_1008, "gold line " + n + ": needs 'text' and a 'spans' array");
        }
        String t = text.asText();
        boolean simple = Offsets.simple(t);
        int cps = simple ? t.length() : t.codePointCount(0, t.length());
        List<PhiSpan> list = new ArrayList<>();
        for (JsonNode s : spans) {
            int start = s.path("start").asInt(-1);
            int end = s.path("end").asInt(-1);
            if (start < 0 || end <= start || end > cps) {
                throw new ClinigateException(ErrorCode.CG_1008, "gold line " + n + ": span out of bounds");
            }
            PhiCategory c;
            try {
                c = PhiCategory.parse(s.path("category").asText(""));
            } catch (IllegalArgumentException e) {
                throw new ClinigateException(ErrorCode.CG_1008, "gold line " + n + ": " + e.getMessage());
            }
            list.add(simple
                    ? new PhiSpan(start, end, c)
                    : new PhiSpan(Offsets.toUtf16(t, start), Offsets.toUtf16(t, end), c));
        }
        String id = node.path("id").asText("line-" + n);
        return new GoldRecord(id, t, list);
    }
}
