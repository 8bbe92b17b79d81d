package org.clinigate.store.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.pipeline.ScopeKey;
import org.clinigate.store.db.Database;
import org.clinigate.store.db.SqlErrors;

/**
 * The statements on {@code phi_vault}, all parameterised, each in its own auto-committed statement. Writes are
 * conditional on the row's revision (optimistic concurrency), so two gateway instances never overwrite each other's
 * changes unseen. A revision is a random stamp drawn for each write, not a counter: a scope that is purged and
 * created again never repeats an old revision, so a stale cache can never mistake the new row for the old one.
 * Thread-safe.
 */
final class VaultRows {

    private static final String WHERE_SCOPE = " WHERE tenant = ? AND kind = ? AND id_hash = ?";

    /** One stored scope: its revision (never 0), the id of the key that sealed it, the ciphertext, its last use. */
    record Row(long revision, long keyId, byte[] ciphertext, Instant lastUsed) {
        @Override
        public String toString() {
            return "Row[keyId=" + keyId + ", bytes=" + ciphertext.length + "]";
        }
    }

    /** A row's revision and last use: enough to tell whether a cached copy is current. */
    record Stamp(long revision, Instant lastUsed) {
    }

    /** A row to re-encrypt: its scope, revision and ciphertext. */
    record Stale(ScopeKey scope, long revision, long keyId, byte[] ciphertext) {
        @Override
        public String toString() {
            return "Stale[" + scope.label() + ", keyId=" + keyId + "]";
        }
    }

    private final Database db;

    VaultRows(Database db) {
        this.db = db;
    }

    Row find(ScopeKey scope) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT revision, key_id, ciphertext, last_used_at FROM phi_vault" + WHERE_SCOPE)) {
            bindScope(s, 1, scope);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Row(r.getLong(1), r.getLong(2), r.getBytes(3), instant(r, 4)) : null;
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4001, "reading a vault scope", e);
        }
    }

    /** The revision and last use of a scope's row, without its ciphertext, or null when it has none. */
    Stamp stamp(ScopeKey scope) {
        try (Connection c = db.connection();
                PreparedStatement s = c
                        .prepareStatement("SELECT revision, last_used_at FROM phi_vault" + WHERE_SCOPE)) {
            bindScope(s, 1, scope);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Stamp(r.getLong(1), instant(r, 2)) : null;
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4001, "reading a vault scope", e);
        }
    }

    /** Inserts the scope at {@code revision}; false when another writer inserted it first. */
    boolean insert(ScopeKey scope, long revision, VaultCipher.Sealed sealed, Instant now) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement("INSERT INTO phi_vault (tenant, kind, id_hash, revision, "
                        + "key_id, ciphertext, created_at, updated_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindScope(s, 1, scope);
            s.setLong(4, revision);
            s.setLong(5, sealed.keyId());
            s.setBytes(6, sealed.ciphertext());
            OffsetDateTime at = timestamp(now);
            s.setObject(7, at);
            s.setObject(8, at);
            s.setObject(9, at);
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false; // integrity violation: the primary key is taken
            }
            throw SqlErrors.wrap(ErrorCode.CG_4001, "storing a vault scope", e);
        }
    }

    /** Replaces revision {@code expected} by {@code revision}; false when the row moved on or is gone. */
    boolean update(ScopeKey scope, long expected, long revision, VaultCipher.Sealed sealed, Instant now) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement("UPDATE phi_vault SET revision = ?, key_id = ?, "
                        + "ciphertext = ?, updated_at = ?, last_used_at = ?" + WHERE_SCOPE + " AND revision = ?")) {
            s.setLong(1, revision);
            s.setLong(2, sealed.keyId());
            s.setBytes(3, sealed.ciphertext());
            OffsetDateTime at = timestamp(now);
            s.setObject(4, at);
            s.setObject(5, at);
            bindScope(s, 6, scope);
            s.setLong(9, expected);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4001, "updating a vault scope", e);
        }
    }

    /** Re-seals a row in place, keeping its revision: the content is the same. False when it changed meanwhile. */
    boolean reseal(Stale row, VaultCipher.Sealed sealed) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement("UPDATE phi_vault SET key_id = ?, ciphertext = ?"
                        + WHERE_SCOPE + " AND revision = ? AND key_id = ?")) {
            s.setLong(1, sealed.keyId());
            s.setBytes(2, sealed.ciphertext());
            bindScope(s, 3, row.scope());
            s.setLong(6, row.revision());
            s.setLong(7, row.keyId());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4001, "re-encrypting a vault scope", e);
        }
    }

    /** Marks the scope used now, unless some instance already did so after {@code since}. */
    void touch(ScopeKey scope, Instant now, Instant since) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement("UPDATE phi_vault SET last_used_at = ?" + WHERE_SCOPE
                        + " AND last_used_at < ?")) {
            s.setObject(1, timestamp(now));
            bindScope(s, 2, scope);
            s.setObject(5, timestamp(since));
            s.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4001, "touching a vault scope", e);
        }
    }

    /** Deletes one expired revision of a scope; a newer revision written meanwhile stays. */
    void deleteExpired(ScopeKey scope, long revision, Instant cutoff) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement("DELETE FROM phi_vault" + WHERE_SCOPE
                        + " AND revision = ? AND last_used_at < ?")) {
            bindScope(s, 1, scope);
            s.setLong(4, revision);
            s.setObject(5, timestamp(cutoff));
            s.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4001, "deleting an expired vault scope", e);
        }
    }

    int purge(Instant cutoff) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement("DELETE FROM phi_vault WHERE last_used_at < ?")) {
            s.setObject(1, timestamp(cutoff));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4001, "purging the vault", e);
        }
    }

    /** Up to {@code limit} rows not sealed by {@code keyId}, in key order after {@code after} (null: from the start). */
    List<Stale> notSealedBy(long keyId, ScopeKey after, int limit) {
        String sql = "SELECT tenant, kind, id_hash, revision, key_id, ciphertext FROM phi_vault WHERE key_id <> ?"
                + (after == null ? "" : " AND (tenant, kind, id_hash) > (?, ?, ?)")
                + " ORDER BY tenant, kind, id_hash LIMIT " + limit;
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, keyId);
            if (after != null) {
                bindScope(s, 2, after);
            }
            List<Stale> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Stale(new ScopeKey(r.getString(1), r.getString(2), r.getString(3)), r.getLong(4),
                            r.getLong(5), r.getBytes(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4001, "listing vault scopes to re-encrypt", e);
        }
    }

    /** Scopes per key id, in key id order. */
    Map<Long, Long> countByKey() {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT key_id, COUNT(*) FROM phi_vault GROUP BY key_id ORDER BY key_id");
                ResultSet r = s.executeQuery()) {
            Map<Long, Long> out = new LinkedHashMap<>();
            while (r.next()) {
                out.put(r.getLong(1), r.getLong(2));
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4001, "counting vault scopes", e);
        }
    }

    long countUnusedSince(Instant cutoff) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM phi_vault WHERE last_used_at < ?")) {
            s.setObject(1, timestamp(cutoff));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4001, "counting expired vault scopes", e);
        }
    }

    private static void bindScope(PreparedStatement s, int first, ScopeKey scope) throws SQLException {
        s.setString(first, scope.tenant());
        s.setString(first + 1, scope.kind());
        s.setString(first + 2, scope.idHash());
    }

    private static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        return r.getObject(column, OffsetDateTime.class).toInstant();
    }
}
