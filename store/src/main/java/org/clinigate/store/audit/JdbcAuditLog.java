package org.clinigate.store.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditLog;
import org.clinigate.core.audit.AuditRecord;
import org.clinigate.core.audit.VerifyReport;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.store.audit.AuditRows.StoredRow;
import org.clinigate.store.db.Database;
import org.clinigate.store.db.SqlErrors;

/**
 * The audit log on H2 or PostgreSQL: tables {@code audit_record} (append-only), {@code audit_checkpoint} (signed
 * seals) and {@code audit_head} (one locked, sealed row that ends the chain).
 *
 * <p>{@link #append} goes through a group committer: concurrent appends share one transaction and one durable
 * commit, and each caller returns only once its record is committed (and, on H2, synced to the file). Several
 * instances, in one process or in several gateway processes on one PostgreSQL, keep one linear chain because each
 * batch holds the head row's lock from reading the chain's end to its commit.
 *
 * <p><b>Thread safety.</b> Safe for concurrent use. <b>Failure.</b> As {@link AuditLog} says: {@code CG-4001} when
 * the database is unreachable (within the pool's connect timeout), {@code CG-4002} when a write fails otherwise,
 * {@code CG-4003} when the head's seal does not verify (appends stop rather than extend a tampered chain).
 */
public final class JdbcAuditLog implements AuditLog, AutoCloseable {

    private final Database database;
    private final ChainKey key;
    private final GroupCommitter committer;

    private JdbcAuditLog(Database database, ChainKey key, GroupCommitter committer) {
        this.database = database;
        this.key = key;
        this.committer = committer;
    }

    /** A log on the database; it starts its writer thread, which {@link #close()} stops. */
    public static JdbcAuditLog open(Database database, AuditSettings settings, ChainKey key) {
        return open(database, settings, key, Clock.systemUTC());
    }

    static JdbcAuditLog open(Database database, AuditSettings settings, ChainKey key, Clock clock) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(key, "key");
        ChainAppender appender = new ChainAppender(key, settings, database.dialect(), clock);
        return new JdbcAuditLog(database, key, new GroupCommitter(database, appender, settings.maxBatch()));
    }

    @Override
    public AuditRecord append(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        return committer.submit(event);
    }

    @Override
    public VerifyReport verify() {
        try (Connection c = database.connection()) {
            return new ChainVerifier(c, key).verify();
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4003, "audit verify", e);
        }
    }

    @Override
    public List<AuditRecord> read(long fromSequence, int limit) {
        if (limit < 0 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be in [0, 10000], got " + limit);
        }
        List<AuditRecord> records = new ArrayList<>(Math.min(limit, 1000));
        try (Connection c = database.connection();
                PreparedStatement ps = c.prepareStatement(
                        AuditRows.SELECT + " WHERE seq >= ? ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
            ps.setLong(1, fromSequence);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(parsed(AuditRows.read(rs)));
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4003, "audit read", e);
        }
        return records;
    }

    private static AuditRecord parsed(StoredRow row) {
        try {
            if (row.event() != null) {
                return row.toRecord();
            }
        } catch (ClinigateException e) {
            // falls through: a tampered hash column
        }
        throw new ClinigateException(ErrorCode.CG_4003, "audit record " + row.sequence() + " does not parse; run "
                + "`clinigate audit verify`");
    }

    /** Writes what is queued, then stops the writer; later appends fail with {@code CG-4002}. */
    @Override
    public void close() {
        committer.close();
    }
}
