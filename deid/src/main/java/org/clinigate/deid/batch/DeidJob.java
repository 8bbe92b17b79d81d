package org.clinigate.deid.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.phi.DeidPolicy;
import org.clinigate.core.phi.Deidentified;
import org.clinigate.core.phi.Deidentifier;
import org.clinigate.core.phi.PhiMap;
import org.clinigate.core.phi.PhiSpan;

/**
 * De-identifies files: JSONL records ({@code {"id","text","patientId"?}}) or plain text, one file or a
 * folder of them. Output is written all or nothing ({@link SafeOutput}). Records stream one at a time;
 * plain text streams in windows, so memory stays bounded whatever the file size.
 *
 * <p>Scopes: every record of one {@code patientId} shares a {@link PhiMap}, so a patient's pseudonyms
 * and date shift are the same in all of their notes; a record without a patient is its own scope; a
 * plain-text file is one scope. Not thread safe: one job per thread.
 */
public final class DeidJob {

    /** What to do with a bad record. */
    public enum OnError {
        STOP, SKIP
    }

    /** Counts of one run. Carries no text. */
    public record Summary(long records, long skipped, long spans, long chars) {
    }

    private static final Set<String> FIELDS = Set.of("id", "text", "patientId");
    private static final int TEXT_WINDOW = 1 << 16;

    private final Deidentifier deidentifier;
    private final DeidPolicy policy;
    private final OnError onError;
    private final int maxRecordBytes;
    private final Consumer<String> warnings;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, PhiMap> scopes = new HashMap<>();
    private final PhiMap unscoped = PhiMap.create("unscoped");

    public DeidJob(Deidentifier deidentifier, DeidPolicy policy, OnError onError, int maxRecordBytes,
            Consumer<String> warnings) {
        this.deidentifier = Objects.requireNonNull(deidentifier);
        this.policy = Objects.requireNonNull(policy);
        this.onError = Objects.requireNonNull(onError);
        if (maxRecordBytes < 1024) {
            throw new ClinigateException(ErrorCode.CG_1001, "max record size must be at least 1024 bytes");
        }
        this.maxRecordBytes = maxRecordBytes;
        this.warnings = Objects.requireNonNull(warnings);
    }

    /** Runs over a file or a folder; a folder's .jsonl and .txt files are mirrored under {@code output}. */
    public Summary run(Path input, Path output) {
        if (!Files.exists(input)) {
            throw new ClinigateException(ErrorCode.CG_1002, "the input path does not exist");
        }
        if (Files.isDirectory(input)) {
            return runFolder(input, output);
        }
        return runFile(input, output);
    }

    private Summary runFolder(Path input, Path output) {
        long[] t = new long[4];
        List<Path> files;
        try (var walk = Files.walk(input)) {
            files = walk.filter(Files::isRegularFile).filter(p -> isJsonl(p) || isText(p)).sorted().toList();
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1002, "cannot list input folder", e);
        }
        for (Path f : files) {
            Summary s = runFile(f, output.resolve(input.relativize(f).toString()));
            t[0] += s.records();
            t[1] += s.skipped();
            t[2] += s.spans();
            t[3] += s.chars();
        }
        return new Summary(t[0], t[1], t[2], t[3]);
    }

    private Summary runFile(Path input, Path output) {
        if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new ClinigateException(ErrorCode.CG_1001, "output must differ from input");
        }
        long[] t = new long[4];
        SafeOutput.write(output, out -> {
            try (InputStream in = Files.newInputStream(input)) {
                Summary s = isJsonl(input) ? jsonl(in, out) : text(in, out);
                t[0] = s.records();
                t[1] = s.skipped();
                t[2] = s.spans();
                t[3] = s.chars();
            }
        });
        return new Summary(t[0], t[1], t[2], t[3]);
    }

    private static boolean isJsonl(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }

    private static boolean isText(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".text") || n.endsWith(".note");
    }

    /** Streams JSONL records from {@code in} to {@code out}. */
    public Summary jsonl(InputStream in, OutputStream out) throws IOException {
        LineReader reader = new LineReader(in, maxRecordBytes);
        JsonFactory factory = mapper.getFactory();
        long records = 0;
        long skipped = 0;
        long spans = 0;
        long chars = 0;
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        LineReader.Line line;
        while (true) {
            try {
                line = reader.next();
                if (line == null) {
                    break;
                }
                if (line.tooLong()) {
                    throw new ClinigateException(ErrorCode.CG_1006, "line " + line.number() + ": record of "
                            + line.bytes() + " bytes exceeds the limit of " + maxRecordBytes + " bytes");
                }
                if (line.text().isBlank()) {
                    continue;
                }
                Record r = parse(line.text(), line.number());
                Deidentified d = deidentifier.deidentify(r.text, policy, scope(r));
                writeRecord(factory, w, r, d);
                records++;
                spans += d.spans().size();
                chars += r.text.length();
            } catch (ClinigateException e) {
                if (onError == OnError.STOP || e.code() == ErrorCode.CG_1007) {
                    throw e;
                }
                skipped++;
                warnings.accept("skipped: " + e.getMessage());
            }
        }
        w.flush();
        return new Summary(records, skipped, spans, chars);
    }

    private record Record(String id, String text, String patientId) {
        @Override
        public String toString() {
            return "Record[chars=" + text.length() + "]";
        }
    }

    private Record parse(String json, long lineNumber) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input, so only the position is reported.
            long col = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            throw new ClinigateException(ErrorCode.CG_1005,
                    "line " + lineNumber + ": malformed JSON near column " + col);
        }
        if (node == null || !node.isObject()) {
            throw new ClinigateException(ErrorCode.CG_1005, "line " + lineNumber + ": expected a JSON object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!FIELDS.contains(f)) {
                throw new ClinigateException(ErrorCode.CG_1005, "line " + lineNumber + ": unknown field '"
                        + safeName(f) + "'; allowed: id, text, patientId");
            }
        }
        JsonNode id = node.get("id");
        JsonNode text = node.get("text");
        JsonNode patient = node.get("patientId");
        if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
            throw new ClinigateException(ErrorCode.CG_1005,
                    "line " + lineNumber + ": 'id' must be a string or an integer");
        }
        if (text == null || !text.isTextual()) {
            throw new ClinigateException(ErrorCode.CG_1005, "line " + lineNumber + ": 'text' must be a string");
        }
        if (patient != null && !patient.isNull() && !patient.isTextual()) {
            throw new ClinigateException(ErrorCode.CG_1005, "line " + lineNumber + ": 'patientId' must be a string");
        }
        return new Record(id.asText(), text.asText(), patient == null || patient.isNull() ? null : patient.asText());
    }

    /** A field name is shown only as far as it is plainly a name: letters, digits, '_' and '-', 40 at most. */
    private static String safeName(String f) {
        String s = f.length() > 40 ? f.substring(0, 40) : f;
        return s.matches("[A-Za-z0-9_-]*") ? s : "(non-identifier name of " + f.length() + " chars)";
    }

    private PhiMap scope(Record r) {
        if (!policy.anyReversible()) {
            return unscoped; // tag and redact write nothing to a map
        }
        if (r.patientId == null) {
            return PhiMap.create("record"); // its own scope, not kept: memory stays flat on long files
        }
        return scopes.computeIfAbsent("patient:" + r.patientId, PhiMap::create);
    }

    private static void writeRecord(JsonFactory f, Writer w, Record r, Deidentified d) throws IOException {
        JsonGenerator g = f.createGenerator(w);
        g.writeStartObject();
        g.writeStringField("id", r.id);
        g.writeStringField("text", d.text());
        g.writeArrayFieldStart("spans");
        boolean simple = Offsets.simple(r.text);
        for (PhiSpan s : d.spans()) {
            g.writeStartObject();
            g.writeNumberField("start", simple ? s.start() : Offsets.toCodePoint(r.text, s.start()));
            g.writeNumberField("end", simple ? s.end() : Offsets.toCodePoint(r.text, s.end()));
            g.writeStringField("category", s.category().name());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
        w.write('\n');
    }

    /** Streams plain text from {@code in} to {@code out} in windows cut at line breaks; one scope. */
    public Summary text(InputStream in, OutputStream out) throws IOException {
        LineReader reader = new LineReader(in, maxRecordBytes);
        PhiMap scope = PhiMap.create("file");
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        StringBuilder window = new StringBuilder();
        long spans = 0;
        long chars = 0;
        long lines = 0;
        LineReader.Line line;
        while ((line = reader.next()) != null) {
            if (line.tooLong()) {
                throw new ClinigateException(ErrorCode.CG_1006, "line " + line.number() + ": " + line.bytes()
                        + " bytes without a line break exceeds the limit of " + maxRecordBytes + " bytes");
            }
            window.append(line.text()).append('\n');
            lines++;
            if (window.length() >= TEXT_WINDOW) {
                spans += flush(window, scope, w);
            }
            chars += line.text().length() + 1;
        }
        spans += flush(window, scope, w);
        w.flush();
        return new Summary(lines, 0, spans, chars);
    }

    private long flush(StringBuilder window, PhiMap scope, Writer w) throws IOException {
        if (window.isEmpty()) {
            return 0;
        }
        Deidentified d = deidentifier.deidentify(window.toString(), policy, scope);
        w.write(d.text());
        window.setLength(0);
        return d.spans().size();
    }
}
