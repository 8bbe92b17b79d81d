package org.clinigate.core.audit;

/** How a request ended, as the audit log records it; the HTTP status travels beside it in {@link AuditEvent}. */
public enum AuditOutcome {
    /** The request was served. */
    ALLOWED,
    /** The request was refused: authentication, role, quota or an input rail. */
    DENIED,
    /** The request failed: a backend, the database, or a bug. */
    ERROR
}
