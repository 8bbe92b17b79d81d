package org.clinigate.store.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The chain head: the one row that says where the chain ends. Appenders lock it ({@code SELECT ... FOR UPDATE}),
 * which serializes every appender on the database, threads and gateway instances alike. Its seal (HMAC with the
 * chain key) makes a truncated or extended chain visible even after the last checkpoint.
 *
 * @param sequence the last appended sequence, 0 for an empty chain
 * @param hash that record's hash, {@link org.clinigate.core.audit.AuditRecord#GENESIS} for an empty chain
 * @param checkpointSequence the last checkpoint's sequence, 0 for none
 * @param keyId the id of the key that sealed it, empty before the first append
 * @param seal HMAC-SHA256 over sequence, hash and checkpoint, empty before the first append
 */
record Head(long sequence, String hash, long checkpointSequence, String keyId, String seal) {

    private static final String SELECT = "SELECT seq, record_hash, checkpoint_seq, key_id, seal FROM audit_head "
            + "WHERE id = 1";

    /** The head, locked for the rest of the caller's transaction. */
    static Head lock(Connection c) throws SQLException {
        Head head = read(c, SELECT + " FOR UPDATE");
        if (head == null) {
            throw new SQLException("the audit_head row is missing", "55000");
        }
        return head;
    }

    /** The head as committed now, or null when the row is missing. */
    static Head read(Connection c) throws SQLException {
        return read(c, SELECT);
    }

    private static Head read(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            return new Head(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5));
        }
    }

    /** True for the state the migration leaves: nothing appended, nothing sealed. */
    boolean isGenesis() {
        return sequence == 0 && (seal == null || seal.isBlank());
    }

    void update(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_head SET seq = ?, record_hash = ?, checkpoint_seq = ?, key_id = ?, seal = ? WHERE id = 1")) {
            ps.setLong(1, sequence);
            ps.setString(2, hash);
            ps.setLong(3, checkpointSequence);
            ps.setString(4, keyId);
            ps.setString(5, seal);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("the audit_head row is missing", "55000");
            }
        }
    }
}
