package org.clinigate.deid.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.phi.DeidPolicy;
import org.clinigate.core.phi.Mode;
import org.clinigate.deid.ClinicalDeidentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeidJobTest {

    /** A planted value: it must never appear in an error, a warning or a span. */
    static final String CANARY = "Zxqwerty Canarion";

    static final ClinicalDeidentifier DEID = ClinicalDeidentifier.create();

    @TempDir
    Path dir;

    final List<String> warnings = new ArrayList<>();

    DeidJob job(DeidJob.OnError onError) {
        return new DeidJob(DEID, DeidPolicy.of(Mode.PSEUDONYM), onError, 1 << 20, warnings::add);
    }

    Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writes_spans_as_code_point_offsets_without_values() throws IOException {
        String line = "{\"id\":\"1\",\"text\":\"\ud83d\ude00 Seen by Dr. " + CANARY
                + " on 03/14/2024.\",\"patientId\":\"p1\"}\n";
        Path out = dir.resolve("out.jsonl");
        DeidJob.Summary s = job(DeidJob.OnError.STOP).run(write("in.jsonl", line), out);
        assertThat(s.records()).isEqualTo(1);
        String written = Files.readString(out);
        assertThat(written).doesNotContain("Zxqwerty").doesNotContain("03/14/2024");
        JsonNode node = new ObjectMapper().readTree(written);
        String input = new ObjectMapper().readTree(line).get("text").asText();
        int[] cps = input.codePoints().toArray();
        JsonNode first = node.get("spans").get(0);
        String value = new String(cps, first.get("start").asInt(),
                first.get("end").asInt() - first.get("start").asInt());
        assertThat(value).isEqualTo(CANARY);
    }

    @Test
    void empty_text_is_a_valid_record() throws IOException {
        Path out = dir.resolve("out.jsonl");
        job(DeidJob.OnError.STOP).run(write("in.jsonl", "{\"id\":1,\"text\":\"\"}\n\n"), out);
        assertThat(Files.readString(out)).isEqualTo("{\"id\":\"1\",\"text\":\"\",\"spans\":[]}\n");
    }

    @Test
    void malformed_line_stops_the_run_by_line_number_and_leaves_no_output() throws IOException {
        Path in = write("in.jsonl", "{\"id\":\"1\",\"text\":\"ok\"}\n{\"id\":\"2\",\"text\": " + CANARY + "}\n");
        Path out = dir.resolve("out.jsonl");
        assertThatThrownBy(() -> job(DeidJob.OnError.STOP).run(in, out))
                .isInstanceOf(ClinigateException.class)
                .hasMessageContaining("CG-1005").hasMessageContaining("line 2")
                .hasMessageNotContaining("Zxqwerty");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("in.jsonl");
        }
    }

    @Test
    void skip_mode_reports_bad_lines_and_keeps_the_good_ones() throws IOException {
        String good = "{\"id\":\"ok\",\"text\":\"Seen by Dr. Okonkwo.\"}\n";
        String lines = good + "not json " + CANARY + "\n" + "{\"id\":\"x\",\"text\":\"t\",\"ssn\":\"" + CANARY + "\"}\n"
                + "[1,2]\n" + "{\"id\":\"y\"}\n" + good;
        Path out = dir.resolve("out.jsonl");
        DeidJob.Summary s = job(DeidJob.OnError.SKIP).run(write("in.jsonl", lines), out);
        assertThat(s.records()).isEqualTo(2);
        assertThat(s.skipped()).isEqualTo(4);
        assertThat(warnings).hasSize(4).allSatisfy(w -> assertThat(w).doesNotContain("Zxqwerty"));
        assertThat(warnings.get(1)).contains("unknown field 'ssn'");
        assertThat(Files.readAllLines(out)).hasSize(2);
    }

    @Test
    void invalid_utf8_is_reported_with_its_line() throws IOException {
        byte[] bad = "{\"id\":\"1\",\"text\":\"caf\u00e9 \"}\n".getBytes(StandardCharsets.ISO_8859_1);
        Path out = dir.resolve("out.jsonl");
        assertThatThrownBy(() -> job(DeidJob.OnError.STOP).run(write("in.jsonl", bad), out))
                .hasMessageContaining("CG-1003").hasMessageContaining("line 1");
        assertThat(out).doesNotExist();
    }

    @Test
    void binary_input_is_refused() throws IOException {
        byte[] bin = new byte[64];
        bin[10] = 0;
        bin[20] = 7;
        Path out = dir.resolve("out.txt");
        assertThatThrownBy(() -> job(DeidJob.OnError.STOP).run(write("in.txt", bin), out))
                .hasMessageContaining("CG-1004");
        assertThat(out).doesNotExist();
    }

    @Test
    void a_line_over_the_limit_is_refused_without_reading_it_into_memory() throws IOException {
        Path in = dir.resolve("big.jsonl");
        try (OutputStream o = Files.newOutputStream(in)) {
            o.write("{\"id\":\"1\",\"text\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "Seen by Dr. Okonkwo. ".repeat(1000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 100; i++) {
                o.write(chunk); // about 2 MB on one line, twice the 1 MB limit
            }
            o.write("\"}\n{\"id\":\"2\",\"text\":\"fine\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        Path out = dir.resolve("out.jsonl");
        assertThatThrownBy(() -> job(DeidJob.OnError.STOP).run(in, out)).hasMessageContaining("CG-1006")
                .hasMessageContaining("line 1");
        DeidJob.Summary s = job(DeidJob.OnError.SKIP).run(in, out);
        assertThat(s.records()).isEqualTo(1);
        assertThat(s.skipped()).isEqualTo(1);
    }

    @Test
    void plain_text_files_and_folders_are_mirrored() throws IOException {
        Path inDir = dir.resolve("notes");
        Files.createDirectories(inDir.resolve("ward"));
        Files.writeString(inDir.resolve("a.txt"), "Seen by Dr. Okonkwo on 03/14/2024.\n");
        Files.writeString(inDir.resolve("ward/b.jsonl"), "{\"id\":\"b\",\"text\":\"Call (617) 555-0142\"}\n");
        Files.writeString(inDir.resolve("ignored.bin"), "x");
        Path outDir = dir.resolve("out");
        DeidJob.Summary s = job(DeidJob.OnError.STOP).run(inDir, outDir);
        assertThat(s.spans()).isEqualTo(3);
        assertThat(Files.readString(outDir.resolve("a.txt"))).isEqualTo("Seen by Dr. [NAME_1] on [DATE_1].\n");
        assertThat(Files.readString(outDir.resolve("ward/b.jsonl"))).contains("[PHONE_1]");
        assertThat(outDir.resolve("ignored.bin")).doesNotExist();
    }

    @Test
    void a_missing_input_is_a_clear_error() {
        assertThatThrownBy(() -> job(DeidJob.OnError.STOP).run(dir.resolve("nope.jsonl"), dir.resolve("o.jsonl")))
                .hasMessageContaining("CG-1002");
    }
}
