package org.clinigate.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.clinigate.core.drafts.Draft;
import org.clinigate.core.drafts.DraftStatus;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.phi.DeidPolicy;
import org.clinigate.core.phi.Deidentified;
import org.clinigate.core.phi.Deidentifier;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiMap;
import org.clinigate.core.phi.PhiSpan;
import org.clinigate.deid.ClinicalDeidentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinetuneTest {

    static final Deidentifier DEID = ClinicalDeidentifier.create();
    static final List<String> CANARIES = List.of("Zebulon Quartermaine", "8472615", "617-555-0199",
            "zq.canary@example.org");

    @TempDir
    Path dir;

    Finetune.Settings settings(Path out, long seed) {
        return new Finetune.Settings(out, 0.3, seed, CANARIES, Recipe.defaults());
    }

    /** {@code n} examples over {@code patients} patients; every fifth carries the canary values. */
    Path input(String name, int n, int patients) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String note = i % 5 == 0
                    ? "Patient Zebulon Quartermaine (MRN 8472615, phone 617-555-0199, email zq.canary@example.org) "
                            + "reports chest pain for 2 days."
                    : "The patient reports a dry cough for " + (i % 9 + 1) + " days without fever.";
            sb.append(Finetune.JSON.createObjectNode().put("id", "ex-" + i).put("patientId", "P" + (i % patients))
                    .put("prompt", "Summarize: " + note).put("response", "Summary: " + note)).append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            if (!l.isBlank()) {
                out.add(Finetune.JSON.readTree(l));
            }
        }
        return out;
    }

    static String everything(Path out) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                sb.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return sb.toString().toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void planted_canaries_never_reach_any_output_file_and_the_run_reports_them() throws IOException {
        Path out = dir.resolve("out");
        PrepareReport r = new Finetune(DEID).prepare(settings(out, 7), List.of(input("notes.jsonl", 50, 10)),
                List.of(), d -> Optional.empty());
        String all = everything(out);
        for (String c : CANARIES) {
            assertThat(all).doesNotContain(c.toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(r.deid().canaryExamplesInInput()).isEqualTo(10);
        assertThat(r.canariesInOutput()).isZero();
        assertThat(r.train() + r.eval() + r.deid().droppedCanary() + r.deid().droppedResidual()).isEqualTo(50);
        assertThat(r.train() + r.eval()).isGreaterThanOrEqualTo(40);
        JsonNode card = Finetune.JSON.readTree(out.resolve("dataset-card.json").toFile());
        assertThat(card.at("/deidentification/residual_hits").asInt()).isZero();
        assertThat(card.at("/deidentification/canaries_in_output").asInt()).isZero();
        assertThat(card.at("/deidentification/canary_examples_in_input").asInt()).isEqualTo(10);
        assertThat(card.at("/counts/read").asInt()).isEqualTo(50);
        assertThat(card.at("/sources/notes.jsonl").asInt()).isEqualTo(50);
        assertThat(Files.readString(out.resolve("dataset-card.md"))).contains("canaries found in the output files | 0");
        for (JsonNode line : lines(out.resolve("train.jsonl"))) {
            assertThat(line.fieldNames()).toIterable().containsExactly("messages");
            assertThat(line.at("/messages/1/role").asText()).isEqualTo("assistant");
            for (JsonNode m : line.get("messages")) {
                assertThat(DEID.detect(m.get("content").asText())).isEmpty();
            }
        }
    }

    @Test
    void every_kept_example_is_free_of_detector_hits_and_one_with_residual_phi_is_dropped() throws IOException {
        // A de-identifier that transforms nothing: the re-run detector finds the name in every example.
        Deidentifier leaky = new Deidentifier() {
            public List<PhiSpan> detect(String text) {
                int i = text.indexOf("Smith");
                return i < 0 ? List.of() : List.of(new PhiSpan(i, i + 5, PhiCategory.NAME));
            }

            public Deidentified deidentify(String text, DeidPolicy policy, PhiMap scope) {
                return new Deidentified(text, List.of());
            }
        };
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, """
                {"id": "1", "prompt": "Summarize: Mr Smith has a cough.", "response": "Cough."}
                {"id": "2", "prompt": "Summarize: a cough for 3 days.", "response": "Cough, 3 days."}
                """);
        PrepareReport r = new Finetune(leaky).prepare(settings(dir.resolve("o"), 1), List.of(in), List.of(),
                d -> Optional.empty());
        assertThat(r.deid().droppedResidual()).isEqualTo(1);
        assertThat(r.deid().residualInDropped()).containsEntry(PhiCategory.NAME, 1);
        assertThat(r.train() + r.eval()).isEqualTo(1);
        assertThat(everything(dir.resolve("o"))).doesNotContain("smith");
    }

    @Test
    void no_patient_is_in_both_train_and_eval_and_the_split_is_deterministic_by_seed() throws IOException {
        Path in = input("many.jsonl", 300, 60);
        Finetune f = new Finetune(DEID);
        PrepareReport a = f.prepare(settings(dir.resolve("a"), 11), List.of(in), List.of(), d -> Optional.empty());
        PrepareReport b = f.prepare(settings(dir.resolve("b"), 11), List.of(in), List.of(), d -> Optional.empty());
        PrepareReport c = f.prepare(settings(dir.resolve("c"), 12), List.of(in), List.of(), d -> Optional.empty());
        assertThat(a.groupsInBoth()).isZero();
        assertThat(a.evalGroups()).isPositive();
        assertThat(a.trainGroups()).isPositive();
        assertThat(Files.readString(dir.resolve("a/eval.jsonl"))).isEqualTo(
                Files.readString(dir.resolve("b/eval.jsonl")));
        assertThat(Files.readString(dir.resolve("a/eval.jsonl"))).isNotEqualTo(
                Files.readString(dir.resolve("c/eval.jsonl")));
        assertThat(b.eval()).isEqualTo(a.eval());
        assertThat(c.groupsInBoth()).isZero();
    }

    @Test
    void the_split_never_separates_a_group_whatever_the_order_and_follows_the_fraction() {
        PatientSplit split = new PatientSplit(0.2, 5);
        Set<String> eval = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            if (split.isEval("patient:" + i)) {
                eval.add("patient:" + i);
            }
        }
        assertThat(eval.size()).isBetween(1800, 2200);
        for (String g : eval) {
            assertThat(split.isEval(g)).isTrue();
        }
        assertThat(new PatientSplit(0, 5).isEval("patient:1")).isFalse();
        assertThatThrownBy(() -> new PatientSplit(0.95, 5))
                .satisfies(t -> assertThat(((ClinigateException) t).code()).isEqualTo(ErrorCode.CG_7112));
    }

    @Test
    void a_small_set_of_patients_always_gets_an_eval_group_when_a_fraction_is_asked() {
        for (long seed = 0; seed < 50; seed++) {
            List<String> groups = List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10");
            Set<String> eval = new PatientSplit(0.1, seed).evalGroups(groups);
            assertThat(eval).as("seed %d", seed).isNotEmpty().isSubsetOf(groups);
            assertThat(eval.size()).isLessThan(groups.size());
            assertThat(new PatientSplit(0.1, seed).evalGroups(groups.reversed())).isEqualTo(eval);
        }
        assertThat(new PatientSplit(0, 1).evalGroups(List.of("p1", "p2"))).isEmpty();
        assertThat(new PatientSplit(0.1, 1).evalGroups(List.of("p1"))).isEmpty();
    }

    static Draft draft(String id, DraftStatus status, String scope, String original, String text) {
        return new Draft(id, "ward-1", scope == null ? null : "patient", scope, "note-summary", "medgemma-4b", "v1",
                List.of(), List.of(), original, text, status, 2, Instant.now(), "dr-1", Instant.now(), null);
    }

    @Test
    void signed_drafts_become_examples_with_the_reviewers_final_text_as_the_target() throws IOException {
        List<Draft> drafts = List.of(
                draft("d1", DraftStatus.FINAL, "a".repeat(64), "HPI: model text", "HPI: reviewer text"),
                draft("d2", DraftStatus.PRELIMINARY, null, "HPI: x", "HPI: x"),
                draft("d3", DraftStatus.REJECTED, null, "HPI: y", "HPI: y"),
                draft("d4", DraftStatus.FINAL, null, "HPI: z", "HPI: z"));
        Map<String, String> inputs = Map.of("d1", "[NAME_1] has had a cough for 3 days.");
        Path out = dir.resolve("d");
        PrepareReport r = new Finetune(DEID).prepare(new Finetune.Settings(out, 0, 1, List.of(), Recipe.defaults()),
                List.of(), drafts, d -> Optional.ofNullable(inputs.get(d.id())));
        assertThat(r.sources()).containsEntry("drafts", 1);
        assertThat(r.draftsNotSigned()).isEqualTo(2);
        assertThat(r.draftsWithoutInput()).isEqualTo(1);
        JsonNode line = lines(out.resolve("train.jsonl")).getFirst();
        assertThat(line.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(line.at("/messages/1/content").asText()).contains("cough");
        assertThat(line.at("/messages/2/content").asText()).isEqualTo("HPI: reviewer text");
    }

    @Test
    void a_malformed_line_fails_with_its_file_and_line_number_and_no_text() throws IOException {
        Path in = dir.resolve("bad.jsonl");
        Files.writeString(in, "{\"prompt\": \"ok\", \"response\": \"ok\"}\n\n{\"prompt\": \"Zebulon\"}\n");
        assertThatThrownBy(() -> new Finetune(DEID).prepare(settings(dir.resolve("x"), 1), List.of(in), List.of(),
                d -> Optional.empty()))
                .satisfies(t -> assertThat(((ClinigateException) t).code()).isEqualTo(ErrorCode.CG_7111))
                .hasMessageContaining("bad.jsonl line 3").hasMessageNotContaining("Zebulon");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void no_input_at_all_is_a_clear_error() {
        assertThatThrownBy(() -> new Finetune(DEID).prepare(settings(dir.resolve("x"), 1), List.of(), List.of(),
                d -> Optional.empty()))
                .satisfies(t -> assertThat(((ClinigateException) t).code()).isEqualTo(ErrorCode.CG_7112));
    }
}
