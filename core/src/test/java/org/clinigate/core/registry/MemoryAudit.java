package org.clinigate.core.registry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditLog;
import org.clinigate.core.audit.AuditRecord;
import org.clinigate.core.audit.VerifyReport;

/** Collects audit events; can be told to fail. */
final class MemoryAudit implements AuditLog {

    final List<AuditEvent> events = new CopyOnWriteArrayList<>();
    volatile boolean fail;

    @Override
    public AuditRecord append(AuditEvent event) {
        if (fail) {
            throw new org.clinigate.core.error.ClinigateException(org.clinigate.core.error.ErrorCode.CG_4002, "down");
        }
        events.add(event);
        return null;
    }

    @Override
    public VerifyReport verify() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AuditRecord> read(long fromSequence, int limit) {
        return List.of();
    }

}
