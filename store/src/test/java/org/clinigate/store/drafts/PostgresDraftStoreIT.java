package org.clinigate.store.drafts;

import java.nio.file.Path;
import org.clinigate.store.Store;
import org.clinigate.store.StoreConfig;
import org.clinigate.store.testing.EmbeddedPg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresDraftStoreIT extends DraftStoreContract {

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
        return Store.open(StoreConfig.embedded(Path.of("target", "pg-drafts"))
                .withUrl(pg.url(pg.createDatabase()), "postgres", null), k -> null);
    }
}
