package org.clinigate.store.drafts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clinigate.core.auth.ApiKeys;
import org.clinigate.core.drafts.Draft;
import org.clinigate.core.drafts.DraftStatus;
import org.clinigate.core.drafts.DraftStore;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.store.db.Database;
import org.clinigate.store.db.SqlErrors;

/**
 * {@link DraftStore} in the {@code draft} table. Each change is one conditional UPDATE on (id, tenant, version,
 * status), so concurrent reviewers, in one instance or several, never overwrite each other. Statements are
 * parameterised. Thread safe.
 */
public final class JdbcDraftStore implements DraftStore {

    /** The most characters a draft's text may have. */
    public static final int MAX_TEXT = 1_000_000;
    private static final String COLUMNS = "id, tenant, scope_kind, scope_hash, task, model, prompt_version, sources, "
            + "flags, original_text, current_text, status, version, created_at, reviewer, reviewed_at, reject_reason";

    private final Database db;

    public JdbcDraftStore(Database db) {
        this.db = db;
    }

    @Override
    public Draft create(NewDraft d) {
        if (d.tenant() == null || !ApiKeys.isTenantId(d.tenant())) {
            throw invalid("tenant must be 1 to 128 of [A-Za-z0-9._-]");
        }
        requireText("task", d.task(), 64);
        requireText("text", d.text(), MAX_TEXT);
        List<String> sources = clean("sources", d.sources());
        List<String> flags = clean("flags", d.flags());
        Draft draft = new Draft(UUID.randomUUID().toString(), d.tenant(), d.scopeKind(), d.scopeHash(), d.task(),
                d.model(), d.promptVersion(), sources, flags, d.text(), d.text(), DraftStatus.PRELIMINARY, 1,
                Instant.now().truncatedTo(ChronoUnit.MICROS), null, null, null);
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement("INSERT INTO draft (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)")) {
            s.setString(1, draft.id());
            s.setString(2, draft.tenant());
            s.setString(3, draft.scopeKind());
            s.setString(4, draft.scopeHash());
            s.setString(5, draft.task());
            s.setString(6, draft.model());
            s.setString(7, draft.promptVersion());
            s.setString(8, String.join("\n", sources));
            s.setString(9, String.join("\n", flags));
            s.setString(10, draft.originalText());
            s.setString(11, draft.text());
            s.setString(12, draft.status().name());
            s.setLong(13, draft.version());
            s.setTimestamp(14, Timestamp.from(draft.created()));
            s.executeUpdate();
            return draft;
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4002, "storing a draft", e);
        }
    }

    @Override
    public Optional<Draft> get(String tenant, String id) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM draft WHERE id = ? AND tenant = ?")) {
            s.setString(1, id);
            s.setString(2, tenant);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4001, "reading a draft", e);
        }
    }

    @Override
    public List<Draft> list(String tenant, DraftStatus status, int limit) {
        if (limit < 1 || limit > 1000) {
            throw invalid("limit must be in [1, 1000]");
        }
        String sql = "SELECT " + COLUMNS + " FROM draft WHERE tenant = ?" + (status == null ? "" : " AND status = ?")
                + " ORDER BY created_at DESC, id LIMIT ?";
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            int k = 1;
            s.setString(k++, tenant);
            if (status != null) {
                s.setString(k++, status.name());
            }
            s.setInt(k, limit);
            List<Draft> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(row(r));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4001, "listing drafts", e);
        }
    }

    @Override
    public Draft edit(String tenant, String id, long expectedVersion, String newText, String reviewer) {
        requireText("text", newText, MAX_TEXT);
        requireText("reviewer", reviewer, 256);
        return change(tenant, id, expectedVersion, "current_text = ?, reviewer = ?, reviewed_at = ?", newText, reviewer,
                null);
    }

    @Override
    public Draft sign(String tenant, String id, long expectedVersion, String reviewer) {
        requireText("reviewer", reviewer, 256);
        return change(tenant, id, expectedVersion, "status = 'FINAL', reviewer = ?, reviewed_at = ?", null, reviewer,
                null);
    }

    @Override
    public Draft reject(String tenant, String id, long expectedVersion, String reviewer, String reason) {
        requireText("reviewer", reviewer, 256);
        requireText("reason", reason, 4000);
        return change(tenant, id, expectedVersion,
                "status = 'REJECTED', reviewer = ?, reviewed_at = ?, reject_reason = ?", null, reviewer, reason);
    }

    /** One conditional update; 0 rows means unknown (404) or changed meanwhile / no longer preliminary (409). */
    private Draft change(String tenant, String id, long expectedVersion, String set, String text, String reviewer,
            String reason) {
        String sql = "UPDATE draft SET " + set + ", version = version + 1 WHERE id = ? AND tenant = ? AND version = ? "
                + "AND status = 'PRELIMINARY'";
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            int k = 1;
            if (text != null) {
                s.setString(k++, text);
            }
            s.setString(k++, reviewer);
            s.setTimestamp(k++, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)));
            if (reason != null) {
                s.setString(k++, reason);
            }
            s.setString(k++, id);
            s.setString(k++, tenant);
            s.setLong(k, expectedVersion);
            if (s.executeUpdate() == 1) {
                return get(tenant, id).orElseThrow();
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4002, "changing a draft", e);
        }
        Draft now = get(tenant, id)
                .orElseThrow(() -> new ClinigateException(ErrorCode.CG_6101, "no such draft in this tenant"));
        if (now.status() != DraftStatus.PRELIMINARY) {
            throw new ClinigateException(ErrorCode.CG_6102,
                    "the draft is already " + now.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        throw new ClinigateException(ErrorCode.CG_6102, "the draft changed since version " + expectedVersion
                + " (now " + now.version() + "); reload it");
    }

    private static Draft row(ResultSet r) throws SQLException {
        Timestamp reviewed = r.getTimestamp("reviewed_at");
        return new Draft(r.getString("id"), r.getString("tenant"), r.getString("scope_kind"), r.getString("scope_hash"),
                r.getString("task"), r.getString("model"), r.getString("prompt_version"), split(r.getString("sources")),
                split(r.getString("flags")), r.getString("original_text"), r.getString("current_text"),
                DraftStatus.valueOf(r.getString("status")), r.getLong("version"),
                r.getTimestamp("created_at").toInstant(),
                r.getString("reviewer"), reviewed == null ? null : reviewed.toInstant(), r.getString("reject_reason"));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }

    private static List<String> clean(String name, List<String> values) {
        List<String> out = values == null ? List.of() : List.copyOf(values);
        for (String v : out) {
            if (v.isEmpty() || v.length() > 256 || v.chars().anyMatch(ch -> ch < 0x20)) {
                throw invalid(name + ": each entry is 1 to 256 characters without control characters");
            }
        }
        return out;
    }

    private static void requireText(String name, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max || value.indexOf('\u0000') >= 0) {
            throw invalid(name + " must be 1 to " + max + " characters without NUL");
        }
    }

    private static ClinigateException invalid(String detail) {
        return new ClinigateException(ErrorCode.CG_2001, "draft: " + detail);
    }

    @Override
    public String toString() {
        return "JdbcDraftStore";
    }
}
