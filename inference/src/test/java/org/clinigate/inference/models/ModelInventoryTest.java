package org.clinigate.inference.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelInventoryTest {

    static final ModelCatalog CATALOG = new ModelCatalog(List.of(
            new ModelSpec("done", "a/b", "main", "done.gguf", null, false, null),
            new ModelSpec("half", "a/b", "main", "half.gguf", null, false, null),
            new ModelSpec("unchecked", "a/b", "main", "unchecked.gguf", null, false, null),
            new ModelSpec("absent", "a/b", "main", "absent.gguf", null, false, null)));

    @TempDir
    Path dir;

    @Test
    void lists_catalogue_entries_as_downloaded_partial_or_missing_then_other_gguf_files() throws IOException {
        byte[] data = FakeHub.bytes(4000, 1);
        Files.write(dir.resolve("done.gguf"), data);
        Checksums.write(Checksums.verified(dir.resolve("done.gguf")), dir.resolve("done.gguf"), FakeHub.sha256(data));
        Files.write(dir.resolve("half.gguf.partial"), new byte[250]);
        Files.writeString(dir.resolve("half.gguf.partial.meta"),
                "repo=a/b\nrevision=main\nfile=half.gguf\nsize=1000\n");
        Files.write(dir.resolve("unchecked.gguf"), new byte[10]);
        Files.write(dir.resolve("mine.gguf"), new byte[20]);
        Files.write(dir.resolve("other.gguf.partial"), new byte[5]);
        Files.write(dir.resolve("notes.txt"), new byte[1]);

        List<ModelInventory.Entry> list = new ModelInventory(CATALOG, dir).list();

        assertThat(list).extracting(ModelInventory.Entry::file).containsExactly("done.gguf", "half.gguf",
                "unchecked.gguf", "absent.gguf", "mine.gguf", "other.gguf");
        assertThat(list.get(0).state()).isEqualTo(new ModelInventory.Downloaded(4000, FakeHub.sha256(data), true));
        assertThat(list.get(1).state()).isInstanceOfSatisfying(ModelInventory.Partial.class,
                p -> assertThat(p.percent()).isEqualTo(25.0));
        assertThat(list.get(2).state()).isEqualTo(new ModelInventory.Downloaded(10, null, false));
        assertThat(list.get(3).state()).isInstanceOf(ModelInventory.Missing.class);
        assertThat(list.get(4).id()).isNull();
        assertThat(list.get(5).state()).isEqualTo(new ModelInventory.Partial(5, -1));
    }

    @Test
    void a_computed_only_sha256_is_listed_as_not_verified() throws IOException {
        Path f = dir.resolve("done.gguf");
        Files.write(f, new byte[3]);
        Checksums.write(Checksums.unverified(f), f, "c".repeat(64));

        assertThat(new ModelInventory(CATALOG, dir).list().get(0).state())
                .isEqualTo(new ModelInventory.Downloaded(3, "c".repeat(64), false));
    }

    @Test
    void a_missing_directory_holds_nothing() {
        assertThat(new ModelInventory(CATALOG, dir.resolve("none")).list()).extracting(ModelInventory.Entry::state)
                .allMatch(s -> s instanceof ModelInventory.Missing);
    }
}
