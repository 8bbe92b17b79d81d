package org.clinigate.fhir.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clinigate.core.Sha256;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditLog;
import org.clinigate.core.audit.AuditRecord;
import org.clinigate.core.audit.VerifyReport;

/** An audit log in a list, chained like the real one, for exporting without a database. */
final class ListAuditLog implements AuditLog {

    private final List<AuditRecord> records = new ArrayList<>();
    private int failFromSequence = Integer.MAX_VALUE;

    @Override
    public synchronized AuditRecord append(AuditEvent event) {
        String previous = records.isEmpty() ? AuditRecord.GENESIS : records.get(records.size() - 1).hash();
        long sequence = records.size() + 1;
        AuditRecord record = new AuditRecord(sequence, Instant.parse("2026-11-28T10:00:00Z").plusSeconds(sequence),
                event, previous, Sha256.hex(previous + sequence + event));
        records.add(record);
        return record;
    }

    @Override
    public VerifyReport verify() {
        throw new UnsupportedOperationException();
    }

    /** Reading from this sequence on fails, as a database that goes away would. */
    void failFrom(int sequence) {
        this.failFromSequence = sequence;
    }

    @Override
    public synchronized List<AuditRecord> read(long fromSequence, int limit) {
        if (fromSequence >= failFromSequence) {
            throw new IllegalStateException("database went away");
        }
        int from = (int) Math.min(fromSequence - 1, records.size());
        return List.copyOf(records.subList(from, Math.min(records.size(), from + limit)));
    }
}
