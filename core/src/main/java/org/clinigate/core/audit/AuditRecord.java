package org.clinigate.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * One record of the audit chain: the event as stored, plus what the log assigned. {@code hash} is the SHA-256 of a
 * canonical encoding of every other field, {@code previousHash} included, so changing any field, or the order of
 * records, breaks the chain. The first record's {@code previousHash} is {@link #GENESIS}.
 *
 * @param sequence the position in the chain, from 1
 * @param time when the log appended the record, to the microsecond
 * @param event what the pipeline reported; its text fields are null unless the log stores text
 * @param previousHash the hash of the record before, 64 lowercase hex digits
 * @param hash this record's hash, 64 lowercase hex digits
 */
public record AuditRecord(long sequence, Instant time, AuditEvent event, String previousHash, String hash) {

    /** The previous hash of record 1: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    public AuditRecord {
        if (sequence < 1) {
            throw invalid("sequence must be >= 1, got " + sequence);
        }
        Objects.requireNonNull(time, "time");
        time = time.truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(event, "event");
        if (!AuditEvent.isDigest(previousHash) || !AuditEvent.isDigest(hash)) {
            throw invalid("previousHash and hash must be 64 lowercase hex digits");
        }
    }

    private static ClinigateException invalid(String detail) {
        return new ClinigateException(ErrorCode.CG_4004, "audit record: " + detail);
    }

    @Override
    public String toString() {
        return "AuditRecord[sequence=" + sequence + ", time=" + time + ", event=" + event + ", previousHash="
                + previousHash.substring(0, 12) + "…, hash=" + hash.substring(0, 12) + "…]";
    }
}
