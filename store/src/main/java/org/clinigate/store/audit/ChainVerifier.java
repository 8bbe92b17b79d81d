package org.clinigate.store.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.clinigate.core.audit.AuditRecord;
import org.clinigate.core.audit.VerifyReport;
import org.clinigate.core.audit.VerifyReport.Break;
import org.clinigate.core.audit.VerifyReport.Reason;
import org.clinigate.store.audit.AuditRows.StoredRow;

/**
 * Walks the chain in sequence order up to the head, recomputing every hash, checking every checkpoint where it
 * falls, then the head's seal, then that nothing lies beyond the head. It stops at the first break.
 *
 * <p>Appends may go on meanwhile: the walk covers the records up to the head read at the start, which were all
 * committed before it. Not thread-safe: one instance per run.
 */
final class ChainVerifier {

    private final Connection c;
    private final ChainKey key;
    private final ChainCodec codec = new ChainCodec();
    private final BreakClassifier classifier;
    private long expected = 1;
    private String previousHash = AuditRecord.GENESIS;
    private long verified;
    private long lastCheckpoint;
    private long checkpointsOk;

    ChainVerifier(Connection c, ChainKey key) {
        this.c = c;
        this.key = key;
        this.classifier = new BreakClassifier(c, codec);
    }

    VerifyReport verify() throws SQLException {
        Head head = Head.read(c);
        if (head == null) {
            return report(0, new Break(0, Reason.BAD_CHECKPOINT, "the chain head row is missing"));
        }
        // PostgreSQL streams a result set with a cursor only inside a transaction.
        c.setAutoCommit(false);
        try {
            Break found = walk(head, Checkpoint.upTo(c, head.sequence()));
            if (found == null) {
                found = checkHead(head);
            }
            if (found == null) {
                found = checkBeyond(head);
            }
            return report(head.sequence(), found);
        } finally {
            c.rollback();
        }
    }

    private VerifyReport report(long headSequence, Break found) {
        return new VerifyReport(verified, checkpointsOk, headSequence, found);
    }

    private Break walk(Head head, List<Checkpoint> checkpoints) throws SQLException {
        int next = 0;
        try (PreparedStatement ps = c.prepareStatement(AuditRows.SELECT + " WHERE seq <= ? ORDER BY seq")) {
            ps.setFetchSize(500);
            ps.setLong(1, head.sequence());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredRow row = AuditRows.read(rs);
                    Break found = checkRow(row);
                    if (found == null && next < checkpoints.size()
                            && checkpoints.get(next).sequence() <= row.sequence()) {
                        found = checkCheckpoint(checkpoints.get(next++), row);
                    }
                    if (found != null) {
                        return found;
                    }
                    previousHash = row.hash();
                    expected++;
                    verified++;
                }
            }
        }
        if (next < checkpoints.size()) {
            return new Break(expected, Reason.DELETED, "record " + expected + " is missing, but checkpoint "
                    + checkpoints.get(next).sequence() + " seals a later record");
        }
        return null;
    }

    private Break checkRow(StoredRow row) throws SQLException {
        if (row.sequence() < expected) {
            return new Break(row.sequence(), Reason.INSERTED, "record " + row.sequence() + " lies before record 1");
        }
        if (row.sequence() > expected) {
            return new Break(expected, Reason.DELETED, "records " + expected + " to " + (row.sequence() - 1)
                    + " are missing");
        }
        if (row.event() == null) {
            return new Break(row.sequence(), Reason.CHANGED, "record " + row.sequence() + " holds values no "
                    + "appender writes");
        }
        String self = codec.recordHash(row.sequence(), row.timeMicros(), row.event(), row.previousHash());
        boolean consistent = self.equals(row.hash());
        boolean linked = previousHash.equals(row.previousHash());
        if (consistent && linked) {
            return null;
        }
        if (linked) {
            return new Break(row.sequence(), Reason.CHANGED, "record " + row.sequence() + " no longer matches its "
                    + "hash");
        }
        return classifier.unlinked(row, consistent);
    }

    private Break checkCheckpoint(Checkpoint cp, StoredRow row) throws SQLException {
        long at = cp.sequence();
        if (at != row.sequence()) {
            return new Break(at, Reason.BAD_CHECKPOINT, "checkpoint " + at + " seals no record");
        }
        if (!key.id().equals(cp.keyId())) {
            return new Break(at, Reason.BAD_CHECKPOINT, "checkpoint " + at + " was signed by another key (id "
                    + cp.keyId() + ")");
        }
        byte[] message = codec.checkpointMessage(at, cp.chainHash(), cp.previousCheckpoint(), cp.createdMicros());
        if (!key.verify(message, cp.signature())) {
            return new Break(at, Reason.BAD_CHECKPOINT, "the signature of checkpoint " + at + " does not verify");
        }
        if (cp.previousCheckpoint() != lastCheckpoint) {
            long missing = Math.max(cp.previousCheckpoint(), lastCheckpoint + 1);
            return new Break(missing, Reason.BAD_CHECKPOINT, "checkpoint " + cp.previousCheckpoint()
                    + ", which checkpoint " + at + " follows, is missing");
        }
        if (!cp.chainHash().equals(row.hash())) {
            Break inserted = classifier.sealedRecordMoved(cp.sequence(), cp.chainHash());
            return inserted != null ? inserted : rehashedAfter(lastCheckpoint, at);
        }
        lastCheckpoint = at;
        checkpointsOk++;
        return null;
    }

    private static Break rehashedAfter(long sealed, long upTo) {
        return new Break(sealed + 1, Reason.CHANGED, "a record after checkpoint " + sealed + ", up to " + upTo
                + ", was changed and the chain rehashed from it");
    }

    private Break checkHead(Head head) {
        if (head.isGenesis()) {
            return null;
        }
        boolean sealed = key.id().equals(head.keyId()) && key.verify(
                codec.headMessage(head.sequence(), head.hash(), head.checkpointSequence()), head.seal());
        if (!sealed) {
            return new Break(head.sequence(), Reason.BAD_CHECKPOINT, "the chain head's seal does not verify");
        }
        if (expected <= head.sequence()) {
            return new Break(expected, Reason.DELETED, "records " + expected + " to " + head.sequence()
                    + " are missing");
        }
        if (!previousHash.equals(head.hash())) {
            return rehashedAfter(lastCheckpoint, head.sequence());
        }
        if (head.checkpointSequence() != lastCheckpoint) {
            return new Break(Math.max(head.checkpointSequence(), lastCheckpoint), Reason.BAD_CHECKPOINT,
                    "checkpoint " + head.checkpointSequence() + ", the head's last, is missing");
        }
        return null;
    }

    /** Rows past the head that no head has claimed since: forged. Read rows first, then the head, so a concurrent
     * append (rows and head commit together) is never mistaken for one. */
    private Break checkBeyond(Head head) throws SQLException {
        long first;
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(seq) FROM audit_record WHERE seq > ?")) {
            ps.setLong(1, head.sequence());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                first = rs.getLong(1);
                if (rs.wasNull()) {
                    return null;
                }
            }
        }
        Head now = Head.read(c);
        if (now == null || first > now.sequence()) {
            return new Break(first, Reason.INSERTED, "record " + first + " lies beyond the chain head");
        }
        return null;
    }
}
