package org.clinigate.store.audit;

import java.io.IOException;
import java.nio.file.Path;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log on H2 or PostgreSQL: tables {@code audit_record} (append-only), {@code audit_checkpoint} (signed
 * seals) and {@code audit_head} (one locked, sealed row that ends the chain).
 *
 * <p>{@link #append} goes through a group committer: concurrent appends share one transaction and one durable
 * commit, and each caller returns only once its record is durable: committed, and on H2 either journaled (see
 * {@link AuditJournal}) or synced to the database file. Several
 * instances, in one process or in several gateway processes on one PostgreSQL, keep one linear chain because each
 * batch holds the head row's lock from reading the chain's end to its commit.
 *
 * <p><b>Thread safety.</b> Safe for concurrent use. <b>Failure.</b> As {@link AuditLog} says: {@code CG-4001} when
 * the database is unreachable (within the pool's connect timeout), {@code CG-4002} when a write fails otherwise,
 * {@code CG-4003} when the head's seal does not verify (appends stop rather than extend a tampered chain).
 */
public final class JdbcAuditLog implements AuditLog, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);

    private final Database database;
    private final ChainKey key;
    private final GroupCommitter committer;
    private final AuditJournal journal;

    private JdbcAuditLog(Database database, ChainKey key, GroupCommitter committer, AuditJournal journal) {
        this.database = database;
        this.key = key;
        this.committer = committer;
        this.journal = journal;
    }

    /** A log on the database that syncs the database on every commit; {@link #close()} stops its writer thread. */
    public static JdbcAuditLog open(Database database, AuditSettings settings, ChainKey key) {
        return open(database, settings, key, null, Clock.systemUTC(), AuditJournal.Rolling.DEFAULT);
    }

    /**
     * A log with a write-ahead journal in {@code journalDir} (see {@link #journalDirFor}). Whatever the journal holds
     * from a crash is replayed first, whether or not {@link AuditSettings#journal()} is on. When it is on, commits are
     * made durable through the journal; when it is off, when another log holds the journal, or when the directory
     * cannot be used, the log syncs the database on every commit.
     *
     * @param journalDir the journal's directory, or null for none
     * @throws ClinigateException {@code CG-4002} when the journal holds batches that cannot be replayed now
     */
    public static JdbcAuditLog open(Database database, AuditSettings settings, ChainKey key, Path journalDir) {
        return open(database, settings, key, journalDir, Clock.systemUTC(), AuditJournal.Rolling.DEFAULT);
    }

    /** The journal directory for an embedded H2 file database's URL; null for any other URL. */
    public static Path journalDirFor(String jdbcUrl) {
        return AuditJournal.dirFor(jdbcUrl);
    }

    static JdbcAuditLog open(Database database, AuditSettings settings, ChainKey key, Path journalDir, Clock clock,
            AuditJournal.Rolling rolling) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(key, "key");
        AuditJournal journal = null;
        if (journalDir != null && settings.journal()) {
            journal = openJournal(journalDir, database, rolling);
        } else if (journalDir != null && AuditJournal.hasSegments(journalDir)) {
            // Switched off after a crash with it on: what it holds was acknowledged, so it is replayed all the same.
            AuditJournal leftover = openJournal(journalDir, database, rolling);
            if (leftover != null) {
                leftover.close();
            }
        }
        ChainAppender appender = new ChainAppender(key, settings, database.dialect(), clock, journal);
        return new JdbcAuditLog(database, key, new GroupCommitter(database, appender, settings.maxBatch()),
                journal);
    }

    private static AuditJournal openJournal(Path dir, Database database, AuditJournal.Rolling rolling) {
        try {
            return AuditJournal.open(dir, database, rolling);
        } catch (IOException e) {
            LOG.warn("the audit journal directory cannot be used ({}); audit commits sync the database instead",
                    e.getClass().getSimpleName());
            return null;
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4002, "replaying the audit journal", e);
        }
    }

    /** What the journal replayed when the log opened; null without a journal. */
    AuditJournal.Replay journalReplay() {
        return journal == null ? null : journal.replay();
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
        try {
            committer.close();
        } finally {
            if (journal != null) {
                journal.close();
            }
        }
    }
}
