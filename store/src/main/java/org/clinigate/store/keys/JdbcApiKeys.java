package org.clinigate.store.keys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clinigate.core.auth.ApiKeys;
import org.clinigate.core.auth.KeyFormat;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.store.db.Database;
import org.clinigate.store.db.SqlErrors;

/** {@link ApiKeys} in the {@code api_key} table. Every statement is parameterised. Thread safe. */
public final class JdbcApiKeys implements ApiKeys {

    private final Database db;

    public JdbcApiKeys(Database db) {
        this.db = db;
    }

    @Override
    public Created create(String tenant, String role) {
        if (tenant == null || !tenant.matches("[A-Za-z0-9._-]{1,128}")) {
            throw new ClinigateException(ErrorCode.CG_1001, "tenant must be 1 to 128 of [A-Za-z0-9._-]");
        }
        if (!ROLES.contains(role)) {
            throw new ClinigateException(ErrorCode.CG_1001, "role must be one of " + ROLES);
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            String secret = KeyFormat.newSecret();
            KeyInfo info = new KeyInfo(UUID.randomUUID().toString(), tenant, role, KeyFormat.prefixOf(secret),
                    KeyFormat.hash(secret), Instant.now(), null);
            if (insert(info)) {
                return new Created(info, secret);
            }
        }
        throw new ClinigateException(ErrorCode.CG_4002, "could not store a new key");
    }

    private boolean insert(KeyInfo k) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO api_key (id, tenant, role, prefix, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, k.id());
            s.setString(2, k.tenant());
            s.setString(3, k.role());
            s.setString(4, k.prefix());
            s.setString(5, k.hash());
            s.setTimestamp(6, Timestamp.from(k.created()));
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) || e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false; // the 1-in-2^48 prefix clash: draw again
            }
            throw SqlErrors.wrap(ErrorCode.CG_4002, "storing a key", e);
        }
    }

    @Override
    public List<KeyInfo> list() {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT id, tenant, role, prefix, hash, created_at, revoked_at FROM api_key ORDER BY created_at, id");
                ResultSet r = s.executeQuery()) {
            List<KeyInfo> out = new ArrayList<>();
            while (r.next()) {
                out.add(row(r));
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4001, "listing keys", e);
        }
    }

    @Override
    public boolean revoke(String id) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            s.setString(2, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4002, "revoking a key", e);
        }
    }

    @Override
    public Optional<KeyInfo> byPrefix(String prefix) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT id, tenant, role, prefix, hash, created_at, revoked_at FROM api_key WHERE prefix = ?")) {
            s.setString(1, prefix);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4001, "looking up a key", e);
        }
    }

    private static KeyInfo row(ResultSet r) throws SQLException {
        Timestamp revoked = r.getTimestamp(7);
        return new KeyInfo(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5).trim(),
                r.getTimestamp(6).toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
