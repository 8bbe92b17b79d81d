package org.clinigate.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import org.clinigate.store.Store;
import org.clinigate.store.StoreConfig;
import org.clinigate.store.testing.EmbeddedPg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract on a real PostgreSQL server that the build starts (embedded binaries from Maven Central), with
 * fsync and synchronous commit on. Each test gets a database of its own.
 */
class PostgresAuditLogIT extends AuditLogContract {

    private static EmbeddedPg pg;

    @BeforeAll
    static void startPostgres() {
        pg = EmbeddedPg.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        pg.close();
    }

    @Test
    void the_server_commits_durably_as_in_production() throws Exception {
        Store store = open(freshConfig().withAudit(settings(5, false)));
        try (Connection c = store.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String setting : new String[]{"fsync", "synchronous_commit"}) {
                try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
                    rs.next();
                    assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    @Override
    protected StoreConfig freshConfig() {
        return StoreConfig.embedded(Path.of("unused")).withUrl(pg.url(pg.createDatabase()), "postgres", null);
    }

    @Override
    protected int serverPort() {
        return pg.port();
    }

    @Override
    protected StoreConfig freshConfigAt(int port) {
        return StoreConfig.embedded(Path.of("unused"))
                .withUrl(EmbeddedPg.url("127.0.0.1", port, pg.createDatabase()), "postgres", null);
    }
}
