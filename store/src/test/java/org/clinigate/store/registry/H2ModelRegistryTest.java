package org.clinigate.store.registry;

import java.nio.file.Path;
import org.clinigate.store.Store;
import org.clinigate.store.StoreConfig;
import org.junit.jupiter.api.io.TempDir;

class H2ModelRegistryTest extends ModelRegistryContract {

    @TempDir
    Path dir;
    private int n;

    @Override
    Store store() {
        return Store.open(StoreConfig.embedded(dir.resolve("db-" + n++)), k -> null);
    }
}
