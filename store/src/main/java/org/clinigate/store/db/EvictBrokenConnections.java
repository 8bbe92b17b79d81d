package org.clinigate.store.db;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the pool to drop a connection after any error that means the database went away. HikariCP already does so
 * for SQLState class 08 and PostgreSQL's shutdown states; H2 reports a closed database with its own codes (90121,
 * 90098), and a pool that kept such a connection would hand it out for ever, so the store would not recover when
 * the database came back. Instantiated by HikariCP by name.
 */
public final class EvictBrokenConnections implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return SqlErrors.isConnectionProblem(e) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
