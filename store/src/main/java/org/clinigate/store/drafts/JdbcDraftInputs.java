package org.clinigate.store.drafts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.tuning.DraftInputs;
import org.clinigate.store.db.Database;
import org.clinigate.store.db.SqlErrors;

/** {@link DraftInputs} in the {@code draft_input} table; one row per draft, written once. Thread safe. */
public final class JdbcDraftInputs implements DraftInputs {

    private final Database db;

    public JdbcDraftInputs(Database db) {
        this.db = db;
    }

    @Override
    public void put(String tenant, String draftId, String input) {
        if (input == null || input.length() > JdbcDraftStore.MAX_TEXT || input.indexOf('\0') >= 0) {
            throw new ClinigateException(ErrorCode.CG_4004, "a draft input must be at most "
                    + JdbcDraftStore.MAX_TEXT + " characters without NUL");
        }
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO draft_input (draft_id, tenant, input_text) VALUES (?, ?, ?)")) {
            s.setString(1, draftId);
            s.setString(2, tenant);
            s.setString(3, input);
            s.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4002, "storing a draft's input", e);
        }
    }

    @Override
    public Optional<String> get(String tenant, String draftId) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT input_text FROM draft_input WHERE draft_id = ? AND tenant = ?")) {
            s.setString(1, draftId);
            s.setString(2, tenant);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4001, "reading a draft's input", e);
        }
    }
}
