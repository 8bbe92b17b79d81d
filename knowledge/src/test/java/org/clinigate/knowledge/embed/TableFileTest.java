package org.clinigate.knowledge.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table file format alone, without a model: every damage is caught by one of its checks. */
class TableFileTest {

    @TempDir
    Path dir;

    final float[] rows = rows(300, 4);

    @Test
    void a_written_table_reads_back_exactly_and_leaves_no_temporary_file() throws Exception {
        Path file = dir.resolve("t.table");
        TableFile.write(file, "key-1", 4, rows);
        TableFile.write(file, "key-1", 4, rows);
        assertThat(TableFile.read(file, "key-1", 4)).containsExactly(rows);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void one_flipped_bit_anywhere_after_the_checksum_fails_the_read() throws Exception {
        Path file = dir.resolve("t.table");
        TableFile.write(file, "key-1", 4, rows);
        long size = Files.size(file);
        for (long at : new long[]{16, 20, size / 2, size - 1}) {
            TableFile.write(file, "key-1", 4, rows);
            flip(file, at);
            assertThatThrownBy(() -> TableFile.read(file, "key-1", 4)).as("byte " + at).isInstanceOf(
                    TableFile.Corrupt.class);
        }
    }

    @Test
    void a_truncated_file_or_one_of_another_key_format_or_dimension_is_refused() throws Exception {
        Path file = dir.resolve("t.table");
        TableFile.write(file, "key-1", 4, rows);
        assertThatThrownBy(() -> TableFile.read(file, "key-2", 4)).hasMessageContaining("another model");
        assertThatThrownBy(() -> TableFile.read(file, "key-1", 8)).hasMessageContaining("does not match");
        flip(file, 9);
        assertThatThrownBy(() -> TableFile.read(file, "key-1", 4)).hasMessageContaining("version");
        flip(file, 0);
        assertThatThrownBy(() -> TableFile.read(file, "key-1", 4)).hasMessageContaining("not a static");
        TableFile.write(file, "key-1", 4, rows);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - 4);
        }
        assertThatThrownBy(() -> TableFile.read(file, "key-1", 4)).hasMessageContaining("does not match");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(10);
        }
        assertThatThrownBy(() -> TableFile.read(file, "key-1", 4)).hasMessageContaining("truncated");
    }

    private static void flip(Path file, long at) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x01);
        }
    }

    private static float[] rows(int n, int dim) {
        float[] out = new float[n * dim];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.sin(i);
        }
        return out;
    }
}
