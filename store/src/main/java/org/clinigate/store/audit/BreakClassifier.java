package org.clinigate.store.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.clinigate.core.audit.AuditRecord;
import org.clinigate.core.audit.VerifyReport.Break;
import org.clinigate.core.audit.VerifyReport.Reason;
import org.clinigate.store.audit.AuditRows.StoredRow;

/**
 * Names the damage when a record does not link to the one before it. A record's stored previous hash tells which
 * record it was appended after; where that record sits now tells whether records were deleted before it (it is
 * gone), inserted before it (it is earlier than it should be) or whether it was moved (it is elsewhere).
 *
 * <p>Runs only on the failure path, so it may scan the table. Not thread-safe.
 */
final class BreakClassifier {

    private final Connection c;
    private final ChainCodec codec;

    BreakClassifier(Connection c, ChainCodec codec) {
        this.c = c;
        this.codec = codec;
    }

    /**
     * @param row the first record that fails to link to the verified chain before it
     * @param consistent whether its hash matches its own fields at its current position
     */
    Break unlinked(StoredRow row, boolean consistent) throws SQLException {
        long at = row.sequence();
        Long predecessor = AuditRecord.GENESIS.equals(row.previousHash())
                ? Long.valueOf(0)
                : sequenceOf(row.previousHash());
        if (predecessor == null) {
            return new Break(at, Reason.DELETED, "the record that record " + at + " was appended after is missing");
        }
        long original = predecessor + 1;
        boolean movedIntact = !consistent && original != at
                && codec.recordHash(original, row.timeMicros(), row.event(), row.previousHash()).equals(row.hash());
        if (movedIntact && original < at) {
            return new Break(original, Reason.INSERTED, "records were inserted before the record appended as "
                    + original + ", which now sits at " + at);
        }
        if (movedIntact) {
            return new Break(at, Reason.REORDERED, "record " + at + " was appended as record " + original);
        }
        return new Break(at, Reason.REORDERED, "record " + at + " is chained after record " + predecessor
                + " instead of record " + (at - 1));
    }

    /**
     * When the record a checkpoint sealed now sits later in the table while the record it was appended after sits
     * before the checkpoint, records were inserted between the two: names the first of them. Null otherwise.
     */
    Break sealedRecordMoved(long sealedAt, String sealedHash) throws SQLException {
        Long now = sequenceOf(sealedHash);
        if (now == null || now <= sealedAt) {
            return null;
        }
        String previous = previousHashAt(now);
        Long predecessor = AuditRecord.GENESIS.equals(previous) ? Long.valueOf(0) : sequenceOf(previous);
        if (predecessor == null || predecessor >= sealedAt) {
            return null;
        }
        return new Break(predecessor + 1, Reason.INSERTED, "records were inserted after record " + predecessor
                + "; the record checkpoint " + sealedAt + " sealed now sits at " + now);
    }

    private String previousHashAt(long sequence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT prev_hash FROM audit_record WHERE seq = ?")) {
            ps.setLong(1, sequence);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private Long sequenceOf(String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MIN(seq) FROM audit_record WHERE record_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long seq = rs.getLong(1);
                return rs.wasNull() ? null : seq;
            }
        }
    }
}
