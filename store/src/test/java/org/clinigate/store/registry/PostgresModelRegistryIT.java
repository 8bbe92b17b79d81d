package org.clinigate.store.registry;

import java.nio.file.Path;
import org.clinigate.store.Store;
import org.clinigate.store.StoreConfig;
import org.clinigate.store.testing.EmbeddedPg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresModelRegistryIT extends ModelRegistryContract {

    static EmbeddedPg pg;

    @BeforeAll
    static void start() {
        pg = EmbeddedPg.start();
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @Override
    Store store() {
        return Store.open(StoreConfig.embedded(Path.of("target", "pg-registry"))
                .withUrl(pg.url(pg.createDatabase()), "postgres", null), k -> null);
    }
}
