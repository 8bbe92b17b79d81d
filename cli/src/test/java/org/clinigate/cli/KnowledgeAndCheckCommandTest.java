package org.clinigate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** index add/list/remove and search over the starter corpus, and check over a JSONL of outputs. */
class KnowledgeAndCheckCommandTest {

    @TempDir
    Path dir;

    private static String run(int[] exit, String... args) {
        return CliRun.run(exit, args);
    }

    @Test
    void the_starter_corpus_is_indexed_searched_listed_and_a_document_removed() throws Exception {
        String index = dir.resolve("kidx").toString();
        Path note = dir.resolve("local-protocol.md");
        Files.writeString(note, "# Ward 7 falls protocol\n\nAfter a fall, check neurological observations hourly for "
                + "four hours and review anticoagulants.\n");
        int[] exit = new int[1];
        String added = run(exit, "index", "add", "--starter", note.toString(), "--index", index);
        assertThat(exit[0]).as(added).isZero();
        assertThat(added).contains("1 files, 0 failed");
        String hits = run(exit, "search", "target INR range for warfarin", "--k", "3", "--index", index);
        assertThat(exit[0]).isZero();
        assertThat(hits).contains("[1]").containsIgnoringCase("warfarin").contains("3 passages");
        String listed = run(exit, "index", "list", "--index", index);
        assertThat(listed).contains("local-protocol").contains("17 documents");
        run(exit, "index", "remove", "local-protocol", "--index", index);
        assertThat(exit[0]).isZero();
        assertThat(run(exit, "index", "list", "--index", index)).doesNotContain("local-protocol");
        Path broken = dir.resolve("broken.pdf");
        Files.writeString(broken, "%PDF-1.7 this is not really a pdf");
        String failed = run(exit, "index", "add", broken.toString(), "--index", index);
        assertThat(exit[0]).isEqualTo(1);
        assertThat(failed).contains("1 failed");
    }

    @Test
    void check_writes_one_verdict_per_line_and_skips_a_malformed_line_on_request() throws Exception {
        Path in = dir.resolve("outputs.jsonl");
        Files.writeString(in,
                """
                        {"id":"a","task":"note-summary","text":"Give acetaminophen 6000 mg daily.","context":{"patientAgeYears":40}}
                        {"id":"b","task":"note-summary","text":"Continue the plan. This draft is assistive and not a diagnosis; a clinician must review it.","context":{}}
                        not json
                        """);
        Path out = dir.resolve("verdicts.jsonl");
        int[] exit = new int[1];
        String said = run(exit, "check", "--input", in.toString(), "--output", out.toString(), "--on-error", "skip");
        assertThat(said).contains("2 records").contains("1 skipped");
        var lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"id\":\"a\"").contains("\"verdict\":\"block\"");
        assertThat(lines.get(1)).contains("\"verdict\":\"pass\"");
        Path refused = dir.resolve("refused.jsonl");
        run(exit, "check", "--input", in.toString(), "--output", refused.toString());
        assertThat(exit[0]).isNotZero();
        assertThat(refused).doesNotExist();
    }
}
