package org.clinigate.store.vault;

import java.io.IOException;
import java.nio.file.Path;
import org.clinigate.store.StoreConfig;
import org.clinigate.store.testing.EmbeddedPg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The vault contract on a real PostgreSQL server that the build starts; each test gets a database of its own, and
 * its "instances" are separate stores (pools) on it, as two gateways sharing PostgreSQL would be.
 */
class PostgresPhiVaultIT extends PhiVaultContract {

    private static EmbeddedPg pg;

    @BeforeAll
    static void startPostgres() {
        pg = EmbeddedPg.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        pg.close();
    }

    @Override
    protected StoreConfig freshConfig() {
        return StoreConfig.embedded(Path.of("unused")).withUrl(pg.url(pg.createDatabase()), "postgres", null);
    }
}
