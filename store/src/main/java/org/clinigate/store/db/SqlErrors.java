package org.clinigate.store.db;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Turns {@link SQLException}s into Clinigate errors without their messages: drivers quote column values in them
 * (H2 does, in "value too long" errors), and values may be PHI. Only the exception class, SQLState and vendor code
 * survive, together with the stack trace.
 */
public final class SqlErrors {

    /** H2 error codes meaning the connection or the database went away. */
    private static final Set<Integer> H2_GONE = Set.of(90067, 90098, 90121, 90020, 90028);

    private SqlErrors() {
    }

    /**
     * {@code CG-4001} when the database is unreachable, shut down or timed out, else {@code fallback}.
     *
     * @param what what was being done, for example "audit append"; no user text
     */
    public static ClinigateException wrap(ErrorCode fallback, String what, SQLException e) {
        boolean gone = isConnectionProblem(e);
        ErrorCode code = gone ? ErrorCode.CG_4001 : fallback;
        String detail = what + " failed: " + (gone ? "database unavailable" : "database error") + " (SQLState "
                + e.getSQLState() + ", vendor code " + e.getErrorCode() + ")";
        return new ClinigateException(code, detail, sanitized(e));
    }

    /** True when the failure is about reaching the database rather than about the statement. */
    public static boolean isConnectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException s && (isConnectionState(s.getSQLState()) || isH2Gone(s))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionState(String state) {
        // 08xxx: connection exception; 57P0x: PostgreSQL shutting down or starting up.
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    private static boolean isH2Gone(SQLException s) {
        return s.getClass().getName().startsWith("org.h2.") && H2_GONE.contains(s.getErrorCode());
    }

    private static SQLException sanitized(SQLException e) {
        SQLException copy = new SQLException(
                e.getClass().getName() + " (message withheld: it may quote values)", e.getSQLState(),
                e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}
