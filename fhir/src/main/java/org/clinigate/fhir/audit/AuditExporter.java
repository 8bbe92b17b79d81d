package org.clinigate.fhir.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import org.clinigate.core.audit.AuditLog;
import org.clinigate.core.audit.AuditRecord;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Writes a range of the audit chain as FHIR R4 AuditEvents, reading the log one page at a time so that memory stays
 * flat however long the chain is.
 *
 * <p>Two formats: {@link Format#NDJSON}, one resource per line as FHIR Bulk Data uses (the default, and the one to
 * use for large logs), and {@link Format#BUNDLE}, one {@code collection} Bundle (held in memory while written).
 *
 * <p>{@link #exportTo(Path, ...)} writes a temporary file next to the target and renames it when complete, so a
 * failed or killed export never leaves a partial file behind.
 */
public final class AuditExporter {

    /** Records read from the log per page. */
    static final int PAGE = 500;

    /** Output formats. */
    public enum Format {
        NDJSON, BUNDLE
    }

    /**
     * What an export wrote.
     *
     * @param count resources written
     * @param firstSequence the first record's sequence, or 0 when none was written
     * @param lastSequence the last record's sequence, or 0 when none was written
     */
    public record Result(long count, long firstSequence, long lastSequence) {
    }

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final BalpAuditEvents mapper;

    public AuditExporter(BalpAuditEvents mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Exports records {@code fromSequence} to {@code toSequence} (inclusive; {@code Long.MAX_VALUE} for all) into
     * {@code target}, atomically.
     */
    public Result exportTo(AuditLog log, long fromSequence, long toSequence, Format format, Path target) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".part");
            Result result;
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                result = export(log, fromSequence, toSequence, format, out);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + absolute.getFileName(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the export already failed
                }
            }
        }
    }

    /** Exports records {@code fromSequence} to {@code toSequence} (inclusive) to {@code out}. */
    public Result export(AuditLog log, long fromSequence, long toSequence, Format format, Writer out)
            throws IOException {
        if (fromSequence < 1 || toSequence < fromSequence) {
            throw new IllegalArgumentException("the range must satisfy 1 <= from <= to");
        }
        IParser parser = FHIR.newJsonParser().setPrettyPrint(false);
        Bundle bundle = format == Format.BUNDLE ? new Bundle().setType(Bundle.BundleType.COLLECTION) : null;
        Writer writer = out instanceof BufferedWriter ? out : new BufferedWriter(out);
        long count = 0;
        long first = 0;
        long last = 0;
        long next = fromSequence;
        while (next <= toSequence) {
            List<AuditRecord> page = log.read(next, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (AuditRecord record : page) {
                if (record.sequence() > toSequence) {
                    break;
                }
                var resource = mapper.toFhir(record);
                if (bundle != null) {
                    bundle.addEntry().setFullUrl("urn:uuid:" + uuidOf(record)).setResource(resource);
                } else {
                    writer.write(parser.encodeResourceToString(resource));
                    writer.write('\n');
                }
                count++;
                first = first == 0 ? record.sequence() : first;
                last = record.sequence();
            }
            next = page.get(page.size() - 1).sequence() + 1;
        }
        if (bundle != null) {
            writer.write(parser.setPrettyPrint(true).encodeResourceToString(bundle));
            writer.write('\n');
        }
        writer.flush();
        return new Result(count, first, last);
    }

    /** A stable name-based UUID per record hash, so re-exports give the same full URLs. */
    private static String uuidOf(AuditRecord record) {
        return java.util.UUID.nameUUIDFromBytes(record.hash().getBytes(StandardCharsets.US_ASCII)).toString();
    }
}
