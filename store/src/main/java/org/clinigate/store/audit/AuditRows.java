package org.clinigate.store.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditOutcome;
import org.clinigate.core.audit.AuditRecord;
import org.clinigate.core.error.ClinigateException;

/** The audit_record table: its columns, and records to and from rows. Values always travel as parameters. */
final class AuditRows {

    static final String COLUMNS = "seq, recorded_micros, tenant, principal, principal_role, endpoint, model, task, "
            + "outcome, http_status, error_code, prompt_tokens, completion_tokens, latency_micros, rail_flags, "
            + "prompt_digest, response_digest, prompt_text, response_text, prev_hash, record_hash";
    static final String INSERT = "INSERT INTO audit_record (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT = "SELECT " + COLUMNS + " FROM audit_record";

    /**
     * A row as stored, which may have been tampered with.
     *
     * @param event the parsed event, or null when the stored values are not a valid event
     */
    record StoredRow(long sequence, long timeMicros, AuditEvent event, String previousHash, String hash) {

        AuditRecord toRecord() {
            return new AuditRecord(sequence, instant(timeMicros), event, previousHash, hash);
        }
    }

    private AuditRows() {
    }

    static void bind(PreparedStatement ps, AuditRecord r) throws SQLException {
        AuditEvent e = r.event();
        ps.setLong(1, r.sequence());
        ps.setLong(2, micros(r.time()));
        ps.setString(3, e.tenant());
        ps.setString(4, e.principal());
        ps.setString(5, e.role());
        ps.setString(6, e.endpoint());
        ps.setString(7, e.model());
        ps.setString(8, e.task());
        ps.setString(9, e.outcome().name());
        ps.setInt(10, e.httpStatus());
        ps.setString(11, e.errorCode());
        ps.setInt(12, e.promptTokens());
        ps.setInt(13, e.completionTokens());
        ps.setLong(14, e.latencyMicros());
        ps.setString(15, ChainCodec.joinFlags(e.railFlags()));
        ps.setString(16, e.promptDigest());
        ps.setString(17, e.responseDigest());
        setText(ps, 18, e.promptText());
        setText(ps, 19, e.responseText());
        ps.setString(20, r.previousHash());
        ps.setString(21, r.hash());
    }

    private static void setText(PreparedStatement ps, int index, String text) throws SQLException {
        if (text == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, text);
        }
    }

    static StoredRow read(ResultSet rs) throws SQLException {
        return new StoredRow(rs.getLong(1), rs.getLong(2), event(rs), rs.getString(20), rs.getString(21));
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        try {
            return new AuditEvent(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getString(7), rs.getString(8), AuditOutcome.valueOf(rs.getString(9)), rs.getInt(10),
                    rs.getString(11), rs.getInt(12), rs.getInt(13), rs.getLong(14),
                    ChainCodec.splitFlags(rs.getString(15)), rs.getString(16), rs.getString(17), rs.getString(18),
                    rs.getString(19));
        } catch (ClinigateException | IllegalArgumentException | NullPointerException e) {
            // Stored values that no appender could have written: the row was tampered with.
            return null;
        }
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }
}
