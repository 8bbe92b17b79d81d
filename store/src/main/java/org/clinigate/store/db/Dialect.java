package org.clinigate.store.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The two databases Clinigate runs on, told apart by the JDBC URL. */
public enum Dialect {
    /** Embedded H2 file database, the default on a single machine. */
    H2 {
        @Override
        void afterCommit(Connection connection) throws SQLException {
            // H2 keeps committed pages in memory and writes them in the background; force them into the file and
            // fsync it, so that an acknowledged commit survives kill -9 and power loss alike.
            try (Statement s = connection.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
        }
    },
    /** PostgreSQL, for production and for several gateway instances sharing one database. */
    POSTGRESQL {
        @Override
        void afterCommit(Connection connection) {
            // COMMIT already waited for the WAL flush (synchronous_commit=on is the server default).
        }
    };

    /** The dialect for a JDBC URL, or null when it is neither H2 nor PostgreSQL. */
    public static Dialect of(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        return null;
    }

    /** Makes the last commit durable where COMMIT alone does not; called after every commit that is acknowledged. */
    abstract void afterCommit(Connection connection) throws SQLException;

    /** Commits the connection's transaction and returns only once it is durable. */
    public void commitDurably(Connection connection) throws SQLException {
        connection.commit();
        afterCommit(connection);
    }
}
