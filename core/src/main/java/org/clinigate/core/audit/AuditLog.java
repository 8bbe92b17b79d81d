package org.clinigate.core.audit;

import java.util.List;

/**
 * An append-only, hash-chained audit log. Every request, allowed or denied, appends one record; a request whose
 * record cannot be written fails, so nothing is ever served unaudited.
 *
 * <p><b>Contract.</b> {@link #append} assigns the next sequence number, the time and the hashes, and returns only
 * once the record is durable (committed, and on disk as far as the store can promise). Sequence numbers start at
 * 1 and have no gaps; each record carries the hash of the one before it, so the records form one linear chain
 * even when many threads, or several gateway instances sharing one database, append at once.
 *
 * <p><b>Thread safety.</b> Implementations are safe for concurrent use.
 *
 * <p><b>Failure.</b> {@link #append} throws {@link org.clinigate.core.error.ClinigateException} with
 * {@code CG-4001} (database unavailable, retriable) or {@code CG-4002} (the write failed); {@code CG-4004} when the
 * event itself is invalid. {@link #verify} reports a broken chain in its result instead of throwing; it throws
 * {@code CG-4001} only when the database cannot be read.
 */
public interface AuditLog {

    /** Appends one record for the event and returns it once it is durable. */
    AuditRecord append(AuditEvent event);

    /** Walks the whole chain and its signed checkpoints, and names the first broken record, if any. */
    VerifyReport verify();

    /** Up to {@code limit} records in sequence order, starting at {@code fromSequence} (1 is the first). */
    List<AuditRecord> read(long fromSequence, int limit);
}
