package org.clinigate.safety.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.safety.SafetyRails;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchCheckerTest {

    private static final String OK = " This draft is assistive and not a diagnosis; a clinician must review it.";
    private static SafetyRails rails;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void load() {
        rails = SafetyRails.defaults();
    }

    private List<JsonNode> lines(Path f) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(f)) {
            out.add(json.readTree(l));
        }
        return out;
    }

    @Test
    void writes_one_verdict_line_per_record_with_rule_severity_offsets_and_message(@TempDir Path dir)
            throws Exception {
        Path in = dir.resolve("outputs.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\":\"a\",\"task\":\"ask\",\"text\":\"Give antibiotics within an hour [1]." + OK
                        + "\",\"context\":{\"sources\":[{\"id\":\"1\",\"text\":\"antibiotics within an hour\"}]}}",
                "{\"id\":7,\"task\":\"chat\",\"text\":\"Give acetaminophen 10 g now." + OK
                        + "\",\"context\":{\"patientAgeYears\":40}}",
                "",
                "{\"id\":\"c\",\"task\":\"note-summary\",\"text\":\"The diagnosis is gout.\"}") + "\n");
        Path out = dir.resolve("sub/verdicts.jsonl");
        BatchChecker.Summary s = rails.batchChecker().run(in, out);
        assertThat(s.records()).isEqualTo(3);
        assertThat(s.pass()).isEqualTo(1);
        assertThat(s.block()).isEqualTo(1);
        assertThat(s.flag()).isEqualTo(1);
        List<JsonNode> v = lines(out);
        assertThat(v.get(0).get("id").asText()).isEqualTo("a");
        assertThat(v.get(0).get("verdict").asText()).isEqualTo("pass");
        assertThat(v.get(0).get("flags")).isEmpty();
        assertThat(v.get(1).get("id").isInt()).isTrue();
        assertThat(v.get(1).get("verdict").asText()).isEqualTo("block");
        JsonNode flag = v.get(1).get("flags").get(0);
        assertThat(flag.get("rule").asText()).isEqualTo("output.med.tenfold");
        assertThat(flag.get("severity").asText()).isEqualTo("critical");
        assertThat(flag.get("start").asInt()).isEqualTo(5);
        assertThat(flag.get("end").asInt()).isEqualTo(23);
        assertThat(flag.get("message").asText()).contains("acetaminophen");
        assertThat(v.get(2).get("verdict").asText()).isEqualTo("flag");
        assertThat(v.get(2).get("flags")).extracting(f -> f.get("rule").asText()).contains("output.certainty",
                "output.disclaimer.missing");
        assertThat(v.get(2).fieldNames()).toIterable().containsExactly("id", "verdict", "flags");
        try (var files = Files.list(out.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("verdicts.jsonl");
        }
    }

    @Test
    void offsets_count_code_points_like_clinigate_deid() throws Exception {
        String text = "\uD83D\uDE00 The diagnosis is flu." + OK;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rails.batchChecker().run(new ByteArrayInputStream(json.writeValueAsBytes(java.util.Map.of("id", "e", "text",
                text))), out);
        JsonNode flag = json.readTree(out.toString(StandardCharsets.UTF_8)).get("flags").get(0);
        assertThat(flag.get("start").asInt()).isEqualTo(2); // the emoji is one code point, two UTF-16 units
    }

    @Test
    void a_malformed_line_stops_the_run_with_its_line_number_and_leaves_no_output(@TempDir Path dir)
            throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"Patient Zed Q. Canary\n");
        Path out = dir.resolve("out.jsonl");
        assertThatThrownBy(() -> rails.batchChecker().run(in, out)).isInstanceOfSatisfying(ClinigateException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CG_1005);
                    assertThat(e.getMessage()).contains("line 2").doesNotContain("Canary");
                });
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("in.jsonl");
        }
    }

    @Test
    void skip_mode_reports_bad_lines_by_number_and_checks_the_rest(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.write(in, List.of("{\"id\":\"a\",\"text\":\"ok." + OK + "\"}", "not json", "[1,2]",
                "{\"id\":\"d\",\"text\":\"x\",\"extra\":1}", "{\"id\":\"e\",\"text\":5}",
                "{\"id\":\"f\",\"text\":\"x\",\"context\":{\"patientAgeYears\":\"four\"}}",
                "{\"id\":\"g\",\"text\":\"x\",\"context\":{\"patientAgeYears\":400}}",
                "{\"id\":\"h\",\"text\":\"fine." + OK + "\"}"));
        List<String> warnings = new ArrayList<>();
        BatchChecker checker = new BatchChecker(rails.output(), BatchChecker.OnError.SKIP, 4096, warnings::add);
        BatchChecker.Summary s = checker.run(in, dir.resolve("out.jsonl"));
        assertThat(s.records()).isEqualTo(2);
        assertThat(s.skipped()).isEqualTo(6);
        assertThat(s.badLines()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(warnings).hasSize(6).allSatisfy(w -> assertThat(w).contains("CG-1005"));
        assertThat(warnings.get(2)).contains("unknown field 'extra'");
        assertThat(lines(dir.resolve("out.jsonl"))).extracting(n -> n.get("id").asText()).containsExactly("a", "h");
    }

    @Test
    void an_oversized_line_and_bad_utf8_are_reported_by_line(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        byte[] big = ("{\"id\":\"a\",\"text\":\"" + "x".repeat(5000) + "\"}\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(big);
        all.write(bad);
        Files.write(in, all.toByteArray());
        List<String> warnings = new ArrayList<>();
        new BatchChecker(rails.output(), BatchChecker.OnError.SKIP, 4096, warnings::add).run(in, dir.resolve("o"));
        assertThat(warnings.get(0)).contains("CG-1006", "line 1", "4096");
        assertThat(warnings.get(1)).contains("CG-1003", "line 2");
    }

    @Test
    void refuses_to_overwrite_its_input(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"text\":\"ok\"}\n");
        assertThatThrownBy(() -> rails.batchChecker().run(in, in)).hasMessageContaining("CG-1001");
        assertThat(Files.readString(in)).contains("\"a\"");
    }
}
