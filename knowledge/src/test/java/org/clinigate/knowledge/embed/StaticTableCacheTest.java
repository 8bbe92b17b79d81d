package org.clinigate.knowledge.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache file of a static table, with small tables so that each rebuild takes about a second. */
class StaticTableCacheTest {

    @TempDir
    Path dir;

    final List<LogRecord> log = new ArrayList<>();
    final Logger jul = Logger.getLogger(StaticEmbedder.class.getName());
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (log) {
                log.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        jul.addHandler(capture);
    }

    @AfterEach
    void stop() {
        jul.removeHandler(capture);
    }

    @Test
    void a_corrupt_cache_file_is_detected_logged_and_rebuilt() throws IOException {
        float[] before = buildAndEmbed(true);
        Path file = tableFile();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long at = raf.length() / 2;
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x10);
        }
        float[] after = buildAndEmbed(true);
        assertThat(warnings()).anySatisfy(m -> assertThat(m).contains("unusable", "checksum mismatch", file
                .getFileName().toString()));
        assertThat(after).containsExactly(before);
        buildAndEmbed(false);
    }

    @Test
    void a_truncated_cache_file_is_detected_and_rebuilt() throws IOException {
        float[] before = buildAndEmbed(true);
        Path file = tableFile();
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size - 1000);
        }
        assertThat(buildAndEmbed(true)).containsExactly(before);
        assertThat(warnings()).anySatisfy(m -> assertThat(m).contains("unusable", "does not match"));
        assertThat(Files.size(tableFile())).isEqualTo(size);
    }

    @Test
    void a_cache_folder_that_cannot_be_written_leaves_the_table_in_memory() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        try (StaticEmbedder e = StaticTables.small(notAFolder.resolve("cache"), StaticEmbedder.Progress.NONE)) {
            assertThat(dot(e.embed("blood pressure"), e.embed("blood pressure"))).isCloseTo(1.0,
                    org.assertj.core.data.Offset.offset(1e-4));
        }
        assertThat(warnings()).anySatisfy(m -> assertThat(m).contains("cannot write cache", "in memory only"));
    }

    /** Opens the small table in {@code dir}, asserting whether it was distilled, and embeds a probe text. */
    private float[] buildAndEmbed(boolean expectBuild) {
        List<Integer> calls = new ArrayList<>();
        try (StaticEmbedder e = StaticTables.small(dir, (done, total) -> calls.add(done))) {
            assertThat(calls.isEmpty()).as("distilled").isEqualTo(!expectBuild);
            return e.embed("blood pressure of the patient");
        }
    }

    private Path tableFile() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertThat(all).as("one table and no temporary file").hasSize(1);
            return all.get(0);
        }
    }

    private List<String> warnings() {
        synchronized (log) {
            return log.stream().filter(r -> r.getLevel() == Level.WARNING).map(r -> java.text.MessageFormat.format(r
                    .getMessage(), r.getParameters())).toList();
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
