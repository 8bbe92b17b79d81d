package org.clinigate.safety.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.rails.Rail;
import org.clinigate.core.rails.RailFlag;
import org.clinigate.core.rails.Verdict;

/**
 * Runs a rail over JSONL records and writes one verdict per record: the engine of
 * {@code clinigate check --input outputs.jsonl --output verdicts.jsonl}.
 *
 * <p>Input line: {@code {"id": "..." | 1, "task": "...", "text": "...", "context": {"patientAgeYears": 4,
 * "patientWeightKg": 16, "sources": [{"id": "1", "text": "..."}], "pseudonyms": ["[NAME_1]"]}}}; {@code task} and
 * {@code context} and each context field are optional; other fields are refused. Output line: {@code {"id": ...,
 * "verdict": "pass|flag|block", "flags": [{"rule", "severity", "start", "end", "message"}]}}, the id as given; like
 * {@code clinigate deid}, offsets count Unicode code points of the input text.
 *
 * <p>A file is written all or nothing: to a temporary file beside the output, moved into place at the end. A bad line
 * (not JSON, wrong shape, not UTF-8, over the size limit) fails the run with its line number ({@link OnError#STOP}), or
 * is reported by line number and left out ({@link OnError#SKIP}). Blank lines are ignored. Messages carry line
 * numbers, field names and sizes, never record text. Not thread safe: one run at a time per instance.
 */
public final class BatchChecker {

    /** What a bad line does. */
    public enum OnError {
        STOP, SKIP
    }

    /** The counts of one run, and the numbers of the lines left out (the first 1,000). */
    public record Summary(long records, long pass, long flag, long block, long skipped, List<Long> badLines) {
        public Summary {
            badLines = List.copyOf(badLines);
        }
    }

    /** The default largest line, in bytes. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;
    private static final int MAX_BAD_LINES = 1000;

    private final Rail rail;
    private final OnError onError;
    private final int maxRecordBytes;
    private final Consumer<String> warnings;
    private final RecordParser parser = new RecordParser();

    /** Stops at the first bad line; lines up to {@link #DEFAULT_MAX_RECORD_BYTES}. */
    public BatchChecker(Rail rail) {
        this(rail, OnError.STOP, DEFAULT_MAX_RECORD_BYTES, w -> {
        });
    }

    /**
     * @param warnings receives one line per skipped record: its line number and what is wrong
     */
    public BatchChecker(Rail rail, OnError onError, int maxRecordBytes, Consumer<String> warnings) {
        this.rail = Objects.requireNonNull(rail, "rail");
        this.onError = Objects.requireNonNull(onError, "onError");
        if (maxRecordBytes < 1024) {
            throw new ClinigateException(ErrorCode.CG_1001, "max record size must be at least 1024 bytes");
        }
        this.maxRecordBytes = maxRecordBytes;
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** Checks the records of {@code input} into {@code output}, atomically. */
    public Summary run(Path input, Path output) {
        if (!Files.isRegularFile(input)) {
            throw new ClinigateException(ErrorCode.CG_1002, "the input file does not exist or is not a file");
        }
        Path target = output.toAbsolutePath().normalize();
        if (input.toAbsolutePath().normalize().equals(target)) {
            throw new ClinigateException(ErrorCode.CG_1001, "output must differ from input");
        }
        Path dir = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            Summary s;
            try (InputStream in = Files.newInputStream(input); OutputStream out = Files.newOutputStream(tmp)) {
                s = run(in, out);
            }
            move(tmp, target);
            tmp = null;
            return s;
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1007, "cannot write the output file", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The run already failed; a stray temporary file is harmless and named as such.
                }
            }
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Streams records from {@code in} to {@code out}; the caller owns both streams. */
    public Summary run(InputStream in, OutputStream out) throws IOException {
        Lines lines = new Lines(new BufferedInputStream(in, 1 << 16), maxRecordBytes);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        JsonFactory json = new JsonFactory();
        long[] counts = new long[3];
        long records = 0;
        long skipped = 0;
        List<Long> bad = new ArrayList<>();
        Lines.Line line;
        while ((line = lines.next()) != null) {
            try {
                CheckRecord r = parse(line);
                if (r == null) {
                    continue;
                }
                Verdict v = rail.check(r.text(), r.context());
                counts[v instanceof Verdict.Pass ? 0 : v instanceof Verdict.Flag ? 1 : 2]++;
                write(json, w, r, v);
                records++;
            } catch (ClinigateException e) {
                if (onError == OnError.STOP) {
                    throw e;
                }
                skipped++;
                if (bad.size() < MAX_BAD_LINES) {
                    bad.add(line.number());
                }
                warnings.accept("skipped: " + e.getMessage());
            }
        }
        w.flush();
        return new Summary(records, counts[0], counts[1], counts[2], skipped, bad);
    }

    private CheckRecord parse(Lines.Line line) {
        if (line.tooLong()) {
            throw new ClinigateException(ErrorCode.CG_1006, "line " + line.number() + ": record of " + line.bytes()
                    + " bytes exceeds the limit of " + maxRecordBytes + " bytes");
        }
        if (line.badUtf8()) {
            throw new ClinigateException(ErrorCode.CG_1003, "line " + line.number() + ": not valid UTF-8");
        }
        if (line.text().isBlank()) {
            return null;
        }
        return parser.parse(line.text(), line.number());
    }

    private static void write(JsonFactory f, Writer w, CheckRecord r, Verdict v) throws IOException {
        JsonGenerator g = f.createGenerator(w);
        g.writeStartObject();
        g.writeFieldName("id");
        if (r.numericId() != null) {
            g.writeNumber(r.numericId());
        } else {
            g.writeString(r.id());
        }
        g.writeStringField("verdict", v.label());
        g.writeArrayFieldStart("flags");
        boolean simple = CodePoints.simple(r.text());
        for (RailFlag flag : v.flags()) {
            g.writeStartObject();
            g.writeStringField("rule", flag.rule());
            g.writeStringField("severity", flag.severity().wireName());
            g.writeNumberField("start", simple ? flag.start() : CodePoints.of(r.text(), flag.start()));
            g.writeNumberField("end", simple ? flag.end() : CodePoints.of(r.text(), flag.end()));
            g.writeStringField("message", flag.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
        w.write('\n');
    }
}
