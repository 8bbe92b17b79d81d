package org.clinigate.store.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.registry.EntryKind;
import org.clinigate.core.registry.EntryState;
import org.clinigate.core.registry.ModelCard;
import org.clinigate.core.registry.ModelRegistry;
import org.clinigate.core.registry.RegistryEntry;
import org.clinigate.core.registry.RiskAssessment;
import org.clinigate.store.db.Database;
import org.clinigate.store.db.SqlErrors;

/**
 * {@link ModelRegistry} in the {@code model_registry} table. A change is one conditional UPDATE on (name, version),
 * so two admins, in one instance or several, never overwrite each other. Metrics are stored one {@code name=value}
 * per line (values never hold {@code =}). Statements are parameterised. Thread safe.
 */
public final class JdbcModelRegistry implements ModelRegistry {

    private static final String COLUMNS = "name, kind, base_model, location, intended_use, limitations, evaluation, "
            + "risk_level, risk_notes, state, metrics, eval_source, state_by, state_at, version, created_at";

    private final Database db;

    public JdbcModelRegistry(Database db) {
        this.db = db;
    }

    @Override
    public RegistryEntry register(NewEntry n) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        RegistryEntry e = new RegistryEntry(n.name(), n.kind(), n.baseModel(), n.location(), n.card(), n.risk(),
                EntryState.DRAFT, Map.of(), null, null, null, 1, now);
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement("INSERT INTO model_registry (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, 1, ?)")) {
            s.setString(1, e.name());
            s.setString(2, e.kind().name());
            s.setString(3, e.baseModel());
            s.setString(4, e.location());
            s.setString(5, e.card().intendedUse());
            s.setString(6, e.card().limitations());
            s.setString(7, e.card().evaluation());
            s.setString(8, e.risk().level().name());
            s.setString(9, e.risk().notes());
            s.setString(10, e.state().name());
            s.setString(11, "");
            s.setTimestamp(12, Timestamp.from(now));
            s.executeUpdate();
            return e;
        } catch (SQLException x) {
            if (find(n.name()).isPresent()) {
                throw new ClinigateException(ErrorCode.CG_7107, "the name is already registered");
            }
            throw SqlErrors.wrap(ErrorCode.CG_4002, "registering a model", x);
        }
    }

    @Override
    public Optional<RegistryEntry> find(String name) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM model_registry WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        } catch (SQLException x) {
            throw SqlErrors.wrap(ErrorCode.CG_4001, "reading the model registry", x);
        }
    }

    @Override
    public List<RegistryEntry> list() {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM model_registry ORDER BY name");
                ResultSet r = s.executeQuery()) {
            List<RegistryEntry> out = new ArrayList<>();
            while (r.next()) {
                out.add(row(r));
            }
            return out;
        } catch (SQLException x) {
            throw SqlErrors.wrap(ErrorCode.CG_4001, "listing the model registry", x);
        }
    }

    @Override
    public RegistryEntry change(String name, long expectedVersion, EntryState to, Map<String, Double> metrics,
            String evalSource, String by) {
        String set = "state = ?, state_by = ?, state_at = ?"
                + (metrics == null ? "" : ", metrics = ?, eval_source = ?");
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement("UPDATE model_registry SET " + set
                        + ", version = version + 1 WHERE name = ? AND version = ?")) {
            int k = 1;
            s.setString(k++, to.name());
            s.setString(k++, by);
            s.setTimestamp(k++, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)));
            if (metrics != null) {
                s.setString(k++, encode(metrics));
                s.setString(k++, evalSource);
            }
            s.setString(k++, name);
            s.setLong(k, expectedVersion);
            if (s.executeUpdate() == 1) {
                return find(name).orElseThrow();
            }
        } catch (SQLException x) {
            throw SqlErrors.wrap(ErrorCode.CG_4002, "changing a registry entry", x);
        }
        RegistryEntry now = find(name)
                .orElseThrow(() -> new ClinigateException(ErrorCode.CG_7101, "no registry entry of this name"));
        throw new ClinigateException(ErrorCode.CG_7103, "the entry changed since version " + expectedVersion
                + " (now " + now.version() + "); reload it");
    }

    static String encode(Map<String, Double> metrics) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(metrics).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    static Map<String, Double> decode(String text) {
        Map<String, Double> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            int eq = line.lastIndexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), Double.valueOf(line.substring(eq + 1)));
            }
        }
        return out;
    }

    private static RegistryEntry row(ResultSet r) throws SQLException {
        Timestamp at = r.getTimestamp("state_at");
        return new RegistryEntry(r.getString("name"), EntryKind.valueOf(r.getString("kind")),
                r.getString("base_model"), r.getString("location"),
                new ModelCard(r.getString("intended_use"), r.getString("limitations"), r.getString("evaluation")),
                new RiskAssessment(RiskAssessment.Level.valueOf(r.getString("risk_level")), r.getString("risk_notes")),
                EntryState.valueOf(r.getString("state")), decode(r.getString("metrics")), r.getString("eval_source"),
                r.getString("state_by"), at == null ? null : at.toInstant(), r.getLong("version"),
                r.getTimestamp("created_at").toInstant());
    }
}
