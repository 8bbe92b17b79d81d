package org.clinigate.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.store.audit.AuditSettings;
import org.clinigate.store.db.Dialect;
import org.clinigate.store.vault.VaultSettings;

/**
 * Where the store lives and how it is kept. The default is an H2 file database under {@code data/clinigate};
 * production points {@code url} at PostgreSQL. The password is never in the configuration itself, only the name of
 * the environment variable that holds it. {@code toString()} hides the URL past its scheme, since URLs may carry
 * credentials.
 *
 * @param url a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL
 * @param user the database user
 * @param passwordEnv the environment variable holding the password, or null for none
 * @param poolSize the most connections held open, 1 to 200
 * @param connectTimeout the longest wait for a connection when the database is down, 250 ms to 60 s
 * @param audit how the audit chain is kept
 * @param vault how the PHI vault is kept: its keyset and retention
 */
public record StoreConfig(String url, String user, String passwordEnv, int poolSize, Duration connectTimeout,
        AuditSettings audit, VaultSettings vault) {

    /** The default data directory, relative to the working directory. */
    public static final Path DEFAULT_DATA_DIR = Path.of("data", "clinigate");
    /**
     * H2 settings: PostgreSQL compatibility, lower-case names as in PostgreSQL, and a lock wait long enough for a
     * group commit to finish.
     */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";LOCK_TIMEOUT=10000";

    public StoreConfig {
        Objects.requireNonNull(url, "url");
        if (Dialect.of(url) == null) {
            throw invalid("db.url must start with jdbc:h2: or jdbc:postgresql:");
        }
        Objects.requireNonNull(user, "user");
        if (poolSize < 1 || poolSize > 200) {
            throw invalid("db.poolSize must be in [1, 200], got " + poolSize);
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (connectTimeout.toMillis() < 250 || connectTimeout.toSeconds() > 60) {
            throw invalid("db.connectTimeout must be in [250 ms, 60 s], got " + connectTimeout.toMillis() + " ms");
        }
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(vault, "vault");
    }

    /** The embedded default: H2 under {@link #DEFAULT_DATA_DIR}. */
    public static StoreConfig defaults() {
        return embedded(DEFAULT_DATA_DIR);
    }

    /** An H2 file database {@code db} in the data directory, with the audit key and vault keyset files beside it. */
    public static StoreConfig embedded(Path dataDir) {
        return new StoreConfig(h2Url(dataDir), "clinigate", "CLINIGATE_DB_PASSWORD", 10, Duration.ofSeconds(3),
                AuditSettings.defaults(dataDir), VaultSettings.defaults(dataDir));
    }

    /** The JDBC URL of the H2 database in a data directory. */
    public static String h2Url(Path dataDir) {
        Path file = dataDir.resolve("db");
        // H2 refuses implicitly relative paths; "./" makes the relative default explicit.
        String path = file.isAbsolute() ? file.toString() : "./" + file;
        return "jdbc:h2:file:" + path.replace('\\', '/') + H2_OPTIONS;
    }

    public StoreConfig withUrl(String newUrl, String newUser, String newPasswordEnv) {
        return new StoreConfig(newUrl, newUser, newPasswordEnv, poolSize, connectTimeout, audit, vault);
    }

    public StoreConfig withAudit(AuditSettings settings) {
        return new StoreConfig(url, user, passwordEnv, poolSize, connectTimeout, settings, vault);
    }

    public StoreConfig withVault(VaultSettings settings) {
        return new StoreConfig(url, user, passwordEnv, poolSize, connectTimeout, audit, settings);
    }

    public StoreConfig withPool(int size, Duration timeout) {
        return new StoreConfig(url, user, passwordEnv, size, timeout, audit, vault);
    }

    private static ClinigateException invalid(String detail) {
        return new ClinigateException(ErrorCode.CG_1001, detail);
    }

    @Override
    public String toString() {
        return "StoreConfig[url=" + Dialect.of(url).name().toLowerCase(Locale.ROOT) + ":…, user=" + user
                + ", passwordEnv=" + passwordEnv + ", poolSize=" + poolSize + ", connectTimeout=" + connectTimeout
                + ", audit=" + audit + ", vault=" + vault + "]";
    }
}
