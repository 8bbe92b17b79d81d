package org.clinigate.store.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.clinigate.store.StoreConfig;
import org.junit.jupiter.api.io.TempDir;

/** The vault contract on the embedded default, an H2 file database; its files are scanned for canaries too. */
class H2PhiVaultTest extends PhiVaultContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    @TempDir
    static Path dir;
    private Path dataDir;

    @Override
    protected StoreConfig freshConfig() {
        dataDir = dir.resolve("data-" + DATABASES.incrementAndGet());
        return StoreConfig.embedded(dataDir);
    }

    @Override
    void assertNoCanaryOnDisk(String canary) throws IOException {
        byte[] needle = canary.getBytes(StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> all = Files.walk(dataDir)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(indexOf(Files.readAllBytes(file), needle)).as(file.getFileName().toString()).isEqualTo(-1);
        }
    }
}
