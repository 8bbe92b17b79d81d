/**
 * The audit port: what the pipeline knows about a request ({@link org.clinigate.core.audit.AuditEvent}), the
 * hash-chained record the log makes of it ({@link org.clinigate.core.audit.AuditRecord}), the log itself
 * ({@link org.clinigate.core.audit.AuditLog}) and the result of checking its chain
 * ({@link org.clinigate.core.audit.VerifyReport}). Nothing here knows how records are stored.
 */
package org.clinigate.core.audit;
