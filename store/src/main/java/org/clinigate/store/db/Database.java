package org.clinigate.store.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * A connection pool (HikariCP) on H2 or PostgreSQL whose schema Flyway has brought up to date.
 *
 * <p><b>Failure.</b> Waiting for a connection is bounded by the connect timeout; when the database is down,
 * {@link #connection()} throws {@code CG-4001} within that time, and the pool reconnects by itself once the
 * database is back: nothing needs a restart. {@link #open} fails with {@code CG-4001} when the database cannot be
 * reached and {@code CG-4005} when the migration fails.
 *
 * <p><b>Thread safety.</b> Safe for concurrent use; each caller takes its own connection.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final Dialect dialect;

    private Database(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /**
     * Opens the pool and migrates the schema.
     *
     * @param url a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL
     * @param password the password, or an empty string
     * @param poolSize the most connections held open
     * @param connectTimeout the longest wait for a connection, from the pool or from the database
     */
    public static Database open(String url, String user, String password, int poolSize, Duration connectTimeout) {
        Dialect dialect = Dialect.of(url);
        if (dialect == null) {
            throw new ClinigateException(ErrorCode.CG_1001, "db.url must start with jdbc:h2: or jdbc:postgresql:");
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(url, user, password, poolSize, connectTimeout, dialect));
        } catch (HikariPool.PoolInitializationException e) {
            throw unavailable(e);
        }
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, dialect);
    }

    private static HikariConfig poolConfig(String url, String user, String password, int poolSize,
            Duration connectTimeout, Dialect dialect) {
        long timeoutMs = connectTimeout.toMillis();
        HikariConfig config = new HikariConfig();
        config.setPoolName("clinigate-db");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setConnectionTimeout(timeoutMs);
        config.setValidationTimeout(Math.max(250, Math.min(1000, timeoutMs - 1)));
        config.setInitializationFailTimeout(timeoutMs);
        config.setExceptionOverrideClassName(EvictBrokenConnections.class.getName());
        if (dialect == Dialect.POSTGRESQL) {
            long seconds = Math.max(1, connectTimeout.toSeconds());
            config.addDataSourceProperty("connectTimeout", seconds);
            config.addDataSourceProperty("loginTimeout", seconds);
            // A database that stops answering mid-statement must not hang appends for ever.
            config.addDataSourceProperty("socketTimeout", 60);
            config.addDataSourceProperty("tcpKeepAlive", true);
            config.addDataSourceProperty("reWriteBatchedInserts", true);
            config.addDataSourceProperty("ApplicationName", "clinigate");
        }
        return config;
    }

    private static void migrate(DataSource dataSource) {
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").failOnMissingLocations(true)
                    .load().migrate();
        } catch (FlywayException e) {
            if (SqlErrors.isConnectionProblem(e)) {
                throw unavailable(e);
            }
            throw new ClinigateException(ErrorCode.CG_4005,
                    "schema migration failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static ClinigateException unavailable(RuntimeException e) {
        if (e.getCause() instanceof SQLException sql) {
            return SqlErrors.wrap(ErrorCode.CG_4001, "opening the database", sql);
        }
        return new ClinigateException(ErrorCode.CG_4001,
                "opening the database failed (" + e.getClass().getSimpleName() + ")");
    }

    /** A pooled connection; close it to give it back. Throws {@code CG-4001} when none comes within the timeout. */
    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.wrap(ErrorCode.CG_4001, "getting a database connection", e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The pooled data source, for tools and tests that need plain JDBC. */
    public DataSource dataSource() {
        return pool;
    }

    /** Ready when a connection answers now. */
    public Readiness readiness() {
        try (Connection c = connection()) {
            return c.isValid(1) ? Readiness.ready("database answers") : Readiness.notReady("database does not answer");
        } catch (ClinigateException | SQLException e) {
            return Readiness.notReady("database unavailable");
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
