package org.clinigate.eval.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clinigate.core.error.ClinigateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLoaderTest {

    @TempDir
    Path dir;

    static final String MEDQA = """
            {"question": "Q one?", "answer": "Two", "options": {"A": "One", "B": "Two", "C": "Three", "D": "Four"}, "meta_info": "step1", "answer_idx": "B", "metamap_phrases": []}
            {"question": "Q two?", "answer": "Four", "options": {"A": "One", "B": "Two", "C": "Three", "D": "Four"}, "meta_info": "step2&3", "answer_idx": "D"}
            """;

    Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void reads_medqa_and_numbers_its_items() throws Exception {
        Suite s = SuiteLoader.load(write("medqa.jsonl", MEDQA));
        assertThat(s.format()).isEqualTo(SuiteFormat.MEDQA);
        assertThat(s.items()).extracting(Item::id).containsExactly("medqa-00001", "medqa-00002");
        Task.MultipleChoice mc = (Task.MultipleChoice) s.items().get(1).task();
        assertThat(mc.answer()).isEqualTo("D");
        assertThat(s.items().get(0).groups()).containsEntry("topic", "step1");
        assertThat(s.limit(1).items()).hasSize(1);
    }

    @Test
    void reads_medmcqa_one_based_and_zero_based() throws Exception {
        String line = "{\"id\":\"m%d\",\"question\":\"Q?\",\"opa\":\"a\",\"opb\":\"b\",\"opc\":\"c\",\"opd\":\"d\","
                + "\"cop\":%d,\"subject_name\":\"Anatomy\",\"topic_name\":\"Limbs\"}\n";
        Suite one = SuiteLoader.load(write("one.jsonl", String.format(line, 1, 1) + String.format(line, 2, 4)));
        assertThat(one.format()).isEqualTo(SuiteFormat.MEDMCQA);
        assertThat(((Task.MultipleChoice) one.items().get(0).task()).answer()).isEqualTo("A");
        assertThat(((Task.MultipleChoice) one.items().get(1).task()).answer()).isEqualTo("D");
        assertThat(one.items().get(0).groups()).containsEntry("specialty", "Anatomy").containsEntry("topic", "Limbs");
        Suite zero = SuiteLoader.load(write("zero.jsonl", String.format(line, 1, 0) + String.format(line, 2, 3)));
        assertThat(((Task.MultipleChoice) zero.items().get(0).task()).answer()).isEqualTo("A");
        assertThat(((Task.MultipleChoice) zero.items().get(1).task()).answer()).isEqualTo("D");
    }

    @Test
    void reads_the_pubmedqa_labelled_object_and_jsonl() throws Exception {
        Suite obj = SuiteLoader.load(write("ori_pqal.json", """
                {
                    "111": {"QUESTION": "Does X help?", "CONTEXTS": ["c1", "c2"], "final_decision": "yes"},
                    "222": {"QUESTION": "Does Y harm?", "CONTEXTS": ["c3"], "final_decision": "maybe"}
                }
                """));
        assertThat(obj.format()).isEqualTo(SuiteFormat.PUBMEDQA);
        assertThat(obj.items()).extracting(Item::id).containsExactly("111", "222");
        Suite lines = SuiteLoader.load(write("pq.jsonl", "{\"pubid\": 5, \"question\": \"Q?\", \"context\": "
                + "{\"contexts\": [\"c\"]}, \"final_decision\": \"no\"}\n"));
        assertThat(((Task.YesNoMaybe) lines.items().get(0).task()).answer()).isEqualTo("no");
        assertThat(lines.items().get(0).id()).isEqualTo("5");
    }

    @Test
    void reads_healthbench_jsonl_and_a_folder_of_pretty_json() throws Exception {
        String record = """
                {"example_tags": ["theme:global_health"], "prompt": [{"role": "user", "content": "help"}], \
                "prompt_id": "p1", "rubrics": [{"criterion": "Advises care.", "points": 8, \
                "tags": ["level:example", "axis:completeness"]}, {"criterion": "Lists drugs.", "points": -5, \
                "tags": ["axis:accuracy"]}], "canary": "x"}""";
        Suite s = SuiteLoader.load(write("hb.jsonl", record + "\n"));
        assertThat(s.format()).isEqualTo(SuiteFormat.HEALTHBENCH);
        assertThat(s.items().get(0).groups()).containsEntry("theme", "global_health");
        assertThat(((Task.Rubric) s.items().get(0).task()).criteria()).hasSize(2);
        Path folder = Files.createDirectory(dir.resolve("hb"));
        Files.writeString(folder.resolve("a.json"), record.replace(", \"", ",\n  \""));
        Files.writeString(folder.resolve("b.json"), record.replace("p1", "p2").replace(", \"", ",\n  \""));
        Suite f = SuiteLoader.load(folder);
        assertThat(f.items()).extracting(Item::id).containsExactly("p1", "p2");
        assertThat(f.name()).isEqualTo("hb");
    }

    @Test
    void reads_redteam_summary_and_rag() throws Exception {
        Suite rt = SuiteLoader.load(write("rt.jsonl", "{\"id\":\"rt-1\",\"category\":\"emergency\",\"specialty\":"
                + "\"cardiology\",\"prompt\":\"p\",\"expected\":\"emergency\",\"canary\":\"CANARY-1\"}\n"));
        Task.RedTeam t = (Task.RedTeam) rt.items().get(0).task();
        assertThat(t.expected()).isEqualTo(Task.Expected.EMERGENCY);
        assertThat(t.canary()).isEqualTo("CANARY-1");
        assertThat(rt.items().get(0).groups()).containsEntry("category", "emergency").containsEntry("specialty",
                "cardiology");
        Suite sum = SuiteLoader.load(write("sum.jsonl", "{\"id\":\"s1\",\"source\":\"note\",\"sections\":[\"Plan\"]}"));
        assertThat(sum.format()).isEqualTo(SuiteFormat.SUMMARY);
        Suite rag = SuiteLoader.load(write("rag.jsonl", "{\"id\":\"r1\",\"question\":\"q\",\"sources\":[{\"text\":"
                + "\"t\"}],\"answer\":\"42\"}"));
        assertThat(rag.format()).isEqualTo(SuiteFormat.RAG);
        assertThat(((Task.RagQa) rag.items().get(0).task()).answers()).containsExactly("42");
    }

    @Test
    void a_malformed_line_is_reported_by_its_number() throws Exception {
        Path p = write("bad.jsonl", MEDQA + "\n{\"question\": \"Q\", \"options\": {\"A\": \"x\"}, \"answer_idx\"\n");
        assertThatThrownBy(() -> SuiteLoader.load(p)).isInstanceOf(ClinigateException.class).hasMessageStartingWith(
                "CG-7001").hasMessageContaining("line 4").hasMessageContaining("not valid JSON");
    }

    @Test
    void a_missing_or_invalid_field_is_named_with_its_line() throws Exception {
        Path missing = write("m.jsonl", MEDQA + "{\"options\": {\"A\": \"x\", \"B\": \"y\"}, \"answer_idx\": \"A\"}\n");
        assertThatThrownBy(() -> SuiteLoader.load(missing)).hasMessageStartingWith("CG-7001").hasMessageContaining(
                "line 3").hasMessageContaining("field 'question' is missing");
        Path invalid = write("i.jsonl", MEDQA.replace("\"answer_idx\": \"D\"", "\"answer_idx\": \"Z\""));
        assertThatThrownBy(() -> SuiteLoader.load(invalid)).hasMessageContaining("line 2").hasMessageContaining(
                "answer_idx");
        Path rt = write("rt.jsonl", "{\"id\":\"a\",\"category\":\"x\",\"prompt\":\"p\",\"expected\":\"refuse\"}\n"
                + "{\"id\":\"b\",\"category\":\"x\",\"prompt\":\"p\",\"expected\":\"shrug\"}\n");
        assertThatThrownBy(() -> SuiteLoader.load(rt)).hasMessageContaining("line 2").hasMessageContaining(
                "field 'expected'");
    }

    @Test
    void duplicate_ids_unknown_formats_empty_files_and_bad_bytes_are_refused() throws Exception {
        Path dup = write("d.jsonl", "{\"id\":\"a\",\"category\":\"x\",\"prompt\":\"p\",\"expected\":\"refuse\"}\n"
                + "\n{\"id\":\"a\",\"category\":\"x\",\"prompt\":\"p\",\"expected\":\"refuse\"}\n");
        assertThatThrownBy(() -> SuiteLoader.load(dup)).hasMessageContaining("line 3").hasMessageContaining(
                "repeats an id");
        Path unknown = write("u.jsonl", "{\"foo\": 1}\n");
        assertThatThrownBy(() -> SuiteLoader.load(unknown)).hasMessageContaining("line 1").hasMessageContaining(
                "no known suite format");
        Path empty = write("e.jsonl", "\n\n");
        assertThatThrownBy(() -> SuiteLoader.load(empty)).hasMessageStartingWith("CG-7001");
        Path bytes = dir.resolve("b.jsonl");
        byte[] good = MEDQA.getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(good, good.length + 3);
        all[good.length] = '{';
        all[good.length + 1] = (byte) 0xC3;
        all[good.length + 2] = (byte) 0x28;
        Files.write(bytes, all);
        assertThatThrownBy(() -> SuiteLoader.load(bytes)).hasMessageStartingWith("CG-1003").hasMessageContaining(
                "line 3");
    }

    @Test
    void a_byte_order_mark_is_ignored() throws Exception {
        assertThat(SuiteLoader.load(write("bom.jsonl", "\uFEFF" + MEDQA)).items()).hasSize(2);
    }

    @Test
    void error_messages_never_quote_suite_text() throws Exception {
        Path p = write("s.jsonl", "{\"id\":\"a\",\"category\":\"x\",\"prompt\":\"SECRET-TEXT\",\"expected\":\"no\"}");
        assertThatThrownBy(() -> SuiteLoader.load(p)).message().doesNotContain("SECRET-TEXT");
    }

    @Test
    void a_given_format_overrides_detection() throws Exception {
        Path p = write("x.jsonl", MEDQA);
        assertThatThrownBy(() -> SuiteLoader.load(p, SuiteFormat.REDTEAM)).hasMessageContaining("line 1")
                .hasMessageContaining("format redteam");
    }
}
