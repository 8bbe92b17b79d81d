package org.clinigate.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clinigate.eval.grade.Grade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemLogTest {

    @TempDir
    Path dir;

    static ItemRecord record(String id) {
        return new ItemRecord(id, Map.of("specialty", "x"), "prompt \"quoted\"\nline", "out", List.of("r1"), "pass",
                "flag", Grade.OK, null, Grade.binary("A", true), 12);
    }

    @Test
    void records_round_trip_through_json() {
        ItemRecord r = record("a");
        assertThat(ItemRecord.fromJson(r.toJson())).isEqualTo(r);
        ItemRecord err = new ItemRecord("b", Map.of(), "p", "", List.of(), null, null, ItemRecord.ERROR, "CG-2101",
                null, 3);
        assertThat(ItemRecord.fromJson(err.toJson())).isEqualTo(err);
        assertThat(r.toString()).doesNotContain("quoted").doesNotContain("line");
    }

    @Test
    void appended_records_read_back_and_the_newest_record_of_an_id_wins() {
        Path f = dir.resolve("items.jsonl");
        try (ItemLog log = ItemLog.open(f, ItemLog.read(f))) {
            log.append(record("a"));
            log.append(new ItemRecord("b", Map.of(), "p", "", List.of(), null, null, ItemRecord.ERROR, "CG-2101",
                    null, 3));
            log.append(record("b"));
        }
        ItemLog.Contents c = ItemLog.read(f);
        assertThat(c.records()).hasSize(3);
        assertThat(c.dropped()).isZero();
        assertThat(c.latest()).hasSize(2);
        assertThat(c.latest().get("b").finished()).isTrue();
    }

    @Test
    void a_half_written_last_line_is_dropped_and_cut_off_on_resume() throws Exception {
        Path f = dir.resolve("items.jsonl");
        String two = record("a").toJson() + "\n" + record("b").toJson() + "\n";
        String torn = record("c").toJson();
        Files.writeString(f, two + torn.substring(0, torn.length() / 2));
        ItemLog.Contents c = ItemLog.read(f);
        assertThat(c.records()).extracting(ItemRecord::id).containsExactly("a", "b");
        assertThat(c.dropped()).isEqualTo(1);
        try (ItemLog log = ItemLog.open(f, c)) {
            log.append(record("c"));
        }
        assertThat(Files.readString(f)).isEqualTo(two + record("c").toJson() + "\n");
        assertThat(ItemLog.read(f).dropped()).isZero();
    }

    @Test
    void a_whole_line_cut_exactly_before_its_newline_is_dropped_too() throws Exception {
        Path f = dir.resolve("items.jsonl");
        Files.writeString(f, record("a").toJson() + "\n" + record("b").toJson());
        assertThat(ItemLog.read(f).records()).extracting(ItemRecord::id).containsExactly("a");
    }

    @Test
    void a_last_line_of_zeros_after_a_crash_is_dropped() throws Exception {
        Path f = dir.resolve("items.jsonl");
        byte[] good = (record("a").toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(good, good.length + 40);
        all[all.length - 1] = '\n';
        Files.write(f, all);
        assertThat(ItemLog.read(f).records()).hasSize(1);
        assertThat(ItemLog.read(f).dropped()).isEqualTo(1);
    }

    @Test
    void a_damaged_line_before_the_last_is_an_error_naming_its_line() throws Exception {
        Path f = dir.resolve("items.jsonl");
        Files.writeString(f, record("a").toJson() + "\n{broken\n" + record("b").toJson() + "\n");
        assertThatThrownBy(() -> ItemLog.read(f)).hasMessageStartingWith("CG-7002").hasMessageContaining("line 2");
    }

    @Test
    void an_absent_file_reads_as_empty() {
        assertThat(ItemLog.read(dir.resolve("none.jsonl")).records()).isEmpty();
    }
}
