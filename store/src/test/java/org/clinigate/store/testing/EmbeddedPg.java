package org.clinigate.store.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests, from the binaries on Maven Central (io.zonky.test). Durability is as in
 * production: the library starts PostgreSQL with fsync and synchronous_commit off, and this turns both back on.
 * PostgreSQL refuses to run as root; when the build runs as root (as CI does) the library starts it through
 * {@code unshare -U}, where it runs as an unmapped user.
 */
public final class EmbeddedPg implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final EmbeddedPostgres postgres;

    private EmbeddedPg(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPg start() {
        try {
            return new EmbeddedPg(EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on").setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60)).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** A new, empty database; tests get one each. */
    public String createDatabase() {
        String name = "clinigate_" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }

    public String url(String database) {
        return url("localhost", port(), database);
    }

    public static String url(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
