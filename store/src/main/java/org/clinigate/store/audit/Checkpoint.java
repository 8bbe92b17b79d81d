package org.clinigate.store.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A signed seal over the chain at one sequence. Each checkpoint names the one before it, so a deleted checkpoint
 * shows as a gap in that second chain.
 *
 * @param sequence the record it seals
 * @param chainHash that record's hash
 * @param previousCheckpoint the sequence of the checkpoint before, 0 for the first
 * @param createdMicros when it was made, microseconds since the epoch
 * @param keyId the id of the signing key
 * @param signature HMAC-SHA256 over the fields above, 64 hex digits
 */
record Checkpoint(long sequence, String chainHash, long previousCheckpoint, long createdMicros, String keyId,
        String signature) {

    static void insertAll(Connection c, List<Checkpoint> checkpoints) throws SQLException {
        if (checkpoints.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_checkpoint (seq, chain_hash, "
                + "prev_checkpoint_seq, created_micros, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Checkpoint cp : checkpoints) {
                ps.setLong(1, cp.sequence);
                ps.setString(2, cp.chainHash);
                ps.setLong(3, cp.previousCheckpoint);
                ps.setLong(4, cp.createdMicros);
                ps.setString(5, cp.keyId);
                ps.setString(6, cp.signature);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** All checkpoints up to and including the sequence, in order. One per interval: few enough to hold. */
    static List<Checkpoint> upTo(Connection c, long sequence) throws SQLException {
        List<Checkpoint> all = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, chain_hash, prev_checkpoint_seq, created_micros, "
                + "key_id, signature FROM audit_checkpoint WHERE seq <= ? ORDER BY seq")) {
            ps.setLong(1, sequence);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(new Checkpoint(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return all;
    }
}
