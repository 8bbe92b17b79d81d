package org.clinigate.store.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditRecord;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.store.db.Dialect;

/**
 * Appends one batch of events in one transaction: lock the head, chain the records on from it, insert them and any
 * checkpoints that fall due, reseal the head, commit durably. Holding the head's row lock from the read to the
 * commit is what keeps the chain linear across threads and gateway instances.
 *
 * <p>Not thread-safe: the group committer's single writer thread owns it.
 */
final class ChainAppender {

    private final ChainCodec codec = new ChainCodec();
    private final ChainKey key;
    private final AuditSettings settings;
    private final Dialect dialect;
    private final Clock clock;
    private final AuditJournal journal;

    /**
     * @param journal the write-ahead journal that makes a commit durable without syncing the database, or null to
     *     commit with {@link Dialect#commitDurably}
     */
    ChainAppender(ChainKey key, AuditSettings settings, Dialect dialect, Clock clock, AuditJournal journal) {
        this.key = key;
        this.settings = settings;
        this.dialect = dialect;
        this.clock = clock;
        this.journal = journal;
    }

    /** The appended records, in order, once committed; on failure nothing of the batch is stored. */
    List<AuditRecord> append(Connection c, List<AuditEvent> events) throws SQLException {
        if (journal != null) {
            journal.beforeBatch();
        }
        c.setAutoCommit(false);
        try {
            Head head = Head.lock(c);
            requireSealed(head);
            List<AuditRecord> records = new ArrayList<>(events.size());
            List<Checkpoint> checkpoints = new ArrayList<>();
            long sequence = head.sequence();
            String previous = head.hash();
            long checkpoint = head.checkpointSequence();
            for (AuditEvent event : events) {
                sequence++;
                AuditEvent stored = settings.storeText() ? event : event.withoutText();
                long micros = AuditRows.micros(clock.instant());
                String hash = codec.recordHash(sequence, micros, stored, previous);
                records.add(new AuditRecord(sequence, AuditRows.instant(micros), stored, previous, hash));
                if (sequence % settings.checkpointInterval() == 0) {
                    checkpoints.add(checkpoint(sequence, hash, checkpoint, micros));
                    checkpoint = sequence;
                }
                previous = hash;
            }
            insert(c, records);
            Checkpoint.insertAll(c, checkpoints);
            Head sealed = seal(sequence, previous, checkpoint);
            sealed.update(c);
            commit(c, records, checkpoints, sealed);
            return records;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        }
    }

    /**
     * Durable before it returns: journaled (still under the head's lock, so the journal follows the chain) and then
     * committed, or, without a usable journal, committed and synced.
     */
    private void commit(Connection c, List<AuditRecord> records, List<Checkpoint> checkpoints, Head sealed)
            throws SQLException {
        if (journal == null || !journal.write(records, checkpoints, sealed)) {
            dialect.commitDurably(c);
            return;
        }
        try {
            c.commit();
        } catch (SQLException | RuntimeException e) {
            journal.abort(records.get(0));
            throw e;
        }
    }

    /**
     * Refuses to extend a head whose seal does not verify: resealing it would launder a truncated or forged tail.
     */
    private void requireSealed(Head head) {
        if (head.isGenesis()) {
            return;
        }
        boolean ok = key.id().equals(head.keyId())
                && key.verify(codec.headMessage(head.sequence(), head.hash(), head.checkpointSequence()), head.seal());
        if (!ok) {
            throw new ClinigateException(ErrorCode.CG_4003, "the audit chain head at sequence " + head.sequence()
                    + " is not sealed by this key; appends stop until `clinigate audit verify` is run and the cause "
                    + "is found");
        }
    }

    private Checkpoint checkpoint(long sequence, String hash, long previousCheckpoint, long micros) {
        String signature = key.sign(codec.checkpointMessage(sequence, hash, previousCheckpoint, micros));
        return new Checkpoint(sequence, hash, previousCheckpoint, micros, key.id(), signature);
    }

    private Head seal(long sequence, String hash, long checkpoint) {
        String seal = key.sign(codec.headMessage(sequence, hash, checkpoint));
        return new Head(sequence, hash, checkpoint, key.id(), seal);
    }

    static void insert(Connection c, List<AuditRecord> records) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(AuditRows.INSERT)) {
            for (AuditRecord r : records) {
                AuditRows.bind(ps, r);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool will discard it
        }
    }
}
