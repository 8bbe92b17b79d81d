package org.clinigate.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.clinigate.core.audit.AuditLog;
import org.clinigate.core.health.Readiness;
import org.clinigate.store.audit.ChainKey;
import org.clinigate.store.audit.JdbcAuditLog;
import org.clinigate.store.db.Database;
import org.clinigate.store.vault.JdbcPhiVault;
import org.clinigate.store.vault.VaultKeyset;
import org.clinigate.store.vault.VaultSettings;

/**
 * The persistence module assembled: one database (pool plus migrated schema) and what lives in it. The application
 * opens one store at start-up and closes it at shutdown:
 *
 * <pre>{@code
 * try (Store store = Store.open(StoreConfig.defaults())) {
 *     AuditLog audit = store.auditLog();
 *     ...
 * }
 * }</pre>
 *
 * <p><b>Thread safety.</b> Everything it hands out is safe for concurrent use. <b>Failure.</b> {@link #open} fails
 * fast: {@code CG-1001} for a bad setting or key, {@code CG-4001} when the database cannot be reached within the
 * connect timeout, {@code CG-4005} when the migration fails. {@link #phiVault()} fails with {@code CG-4030} when the
 * vault keyset is missing or invalid; call it at start-up to fail fast.
 */
public final class Store implements AutoCloseable {

    private final Database database;
    private final JdbcAuditLog auditLog;
    private final VaultSettings vaultSettings;
    private final Function<String, String> env;
    private JdbcPhiVault vault;

    private Store(Database database, JdbcAuditLog auditLog, VaultSettings vaultSettings,
            Function<String, String> env) {
        this.database = database;
        this.auditLog = auditLog;
        this.vaultSettings = vaultSettings;
        this.env = env;
    }

    /** Opens the store, reading the password, the audit key and the vault keyset from the process environment. */
    public static Store open(StoreConfig config) {
        return open(config, System::getenv);
    }

    /** Opens the store, reading environment variables through {@code env}. */
    public static Store open(StoreConfig config, Function<String, String> env) {
        Objects.requireNonNull(config, "config");
        ChainKey key = ChainKey.resolve(config.audit(), env);
        String password = config.passwordEnv() == null ? null : env.apply(config.passwordEnv());
        Database database = Database.open(config.url(), config.user(), password == null ? "" : password,
                config.poolSize(), config.connectTimeout());
        try {
            Path journal = JdbcAuditLog.journalDirFor(config.url());
            return new Store(database, JdbcAuditLog.open(database, config.audit(), key, journal), config.vault(),
                    env);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The API keys; valid until {@link #close()}. */
    public org.clinigate.core.auth.ApiKeys apiKeys() {
        return new org.clinigate.store.keys.JdbcApiKeys(database);
    }

    /** The audit log; valid until {@link #close()}. */
    public AuditLog auditLog() {
        return auditLog;
    }

    /**
     * The encrypted PHI vault; valid until {@link #close()}. Its keyset is resolved on the first call (from
     * {@link VaultSettings#keysetEnv()}, else the keyset file, created when missing), so a store used only for audit
     * or keys never touches it. The same vault on every call.
     *
     * @throws org.clinigate.core.error.ClinigateException {@code CG-4030} when the keyset is missing or invalid
     */
    public synchronized JdbcPhiVault phiVault() {
        if (vault == null) {
            vault = new JdbcPhiVault(database, VaultKeyset.resolve(vaultSettings, env), vaultSettings);
        }
        return vault;
    }

    /**
     * Quotas with {@code limits}: buckets in PostgreSQL (shared by every instance on the database) when the store is
     * PostgreSQL, in this process for the embedded H2 (one instance), none at all when no limit is set.
     */
    public org.clinigate.core.quota.Quotas quotas(org.clinigate.core.quota.QuotaLimits limits) {
        if (limits.none()) {
            return org.clinigate.core.quota.Quotas.UNLIMITED;
        }
        return database.dialect() == org.clinigate.store.db.Dialect.POSTGRESQL
                ? org.clinigate.store.quota.BucketQuotas.shared(limits, database.dataSource())
                : org.clinigate.store.quota.BucketQuotas.local(limits);
    }

    /** The drafts awaiting, or past, a clinician's review; valid until {@link #close()}. */
    public org.clinigate.core.drafts.DraftStore drafts() {
        return new org.clinigate.store.drafts.JdbcDraftStore(database);
    }

    /** The de-identified inputs of drafts, for fine-tuning data (ADR 0019); valid until {@link #close()}. */
    public org.clinigate.core.tuning.DraftInputs draftInputs() {
        return new org.clinigate.store.drafts.JdbcDraftInputs(database);
    }

    /** The model and adapter registry (ADR 0018); valid until {@link #close()}. */
    public org.clinigate.core.registry.ModelRegistry modelRegistry() {
        return new org.clinigate.store.registry.JdbcModelRegistry(database);
    }

    /** The database, for the parts of the store that come next (vault, keys, drafts) and for tools. */
    public Database database() {
        return database;
    }

    /** Ready when the database answers. */
    public Readiness readiness() {
        return database.readiness();
    }

    /** Flushes queued audit appends, then closes the pool. */
    @Override
    public void close() {
        try {
            auditLog.close();
        } finally {
            database.close();
        }
    }
}
