package org.clinigate.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinigate.core.chat.ChatMessage;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.eval.grade.Grading;
import org.clinigate.eval.metrics.Results;
import org.clinigate.eval.run.ItemLog;
import org.clinigate.eval.run.ItemRecord;
import org.clinigate.eval.run.Reply;
import org.clinigate.eval.run.Responder;
import org.clinigate.eval.run.Runner;
import org.clinigate.eval.testing.Suites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

    @TempDir
    Path dir;

    /** Right on every question whose number is not a multiple of 4: 15 of 20. */
    static final class Scripted implements Responder {
        final Set<Integer> seen = ConcurrentHashMap.newKeySet();
        final AtomicInteger calls = new AtomicInteger();
        final Set<Integer> failing;

        Scripted(Set<Integer> failing) {
            this.failing = failing;
        }

        @Override
        public Reply reply(org.clinigate.core.chat.ChatRequest request) {
            calls.incrementAndGet();
            String user = request.messages().stream().filter(m -> m.role() == org.clinigate.core.chat.Role.USER)
                    .map(ChatMessage::text).reduce("", (a, b) -> b);
            int i = Suites.number(user);
            seen.add(i);
            if (failing.contains(i)) {
                throw new ClinigateException(ErrorCode.CG_2101, "scripted outage");
            }
            String right = Suites.letter(i);
            String answer = i % 4 == 0 ? (right.equals("A") ? "B" : "A") : right;
            return Reply.of("Let me think about number " + i + ".\nAnswer: " + answer);
        }
    }

    Evaluation.Spec spec(Path suite, String model, boolean resume) {
        return new Evaluation.Spec(suite, null, dir.resolve("run"), "raw", 0, resume, new Runner.Settings(model, 4,
                64, 0.0, 1L, null));
    }

    Evaluation.Outcome run(Path suite, Responder r, boolean resume) {
        Evaluation.Spec s = spec(suite, "m", resume);
        return Evaluation.run(s, Evaluation.load(s), r, Grading.defaults(null));
    }

    @Test
    void a_scripted_model_right_on_15_of_20_scores_exactly_0_75_and_writes_all_outputs() throws Exception {
        Path suite = Suites.choice(dir, 20);
        Evaluation.Outcome o = run(suite, new Scripted(Set.of()), false);
        Results r = o.results();
        assertThat(r.metric("accuracy")).isEqualTo(0.75);
        assertThat(r.items()).isEqualTo(20);
        assertThat(r.format()).isEqualTo("medmcqa");
        assertThat(r.metric("extracted_rate")).isEqualTo(1.0);
        assertThat(r.groups().get("specialty")).containsKeys("cardiology", "neurology");
        // 4, 8, 12, 16, 20 are wrong and all even: cardiology 5 of 10, neurology 10 of 10.
        assertThat(r.groups().get("specialty").get("cardiology").get("accuracy")).isEqualTo(0.5);
        assertThat(r.groups().get("specialty").get("neurology").get("accuracy")).isEqualTo(1.0);
        assertThat(Files.readAllLines(dir.resolve("run/items.jsonl"))).hasSize(20);
        assertThat(Files.readString(dir.resolve("run/results.json"))).contains("\"accuracy\" : 0.75");
        assertThat(Files.readString(dir.resolve("run/report.html"))).contains("<svg").contains("accuracy by specialty");
        ItemRecord q1 = ItemLog.read(dir.resolve("run/items.jsonl")).latest().get("q001");
        assertThat(q1.prompt()).contains("Which letter is number 1?");
        assertThat(q1.output()).contains("Answer: B");
        assertThat(q1.grade().extracted()).isEqualTo("B");
    }

    @Test
    void backend_errors_are_recorded_counted_and_retried_on_resume() {
        Path suite = Suites.choice(dir, 20);
        Scripted flaky = new Scripted(Set.of(3, 7));
        Evaluation.Outcome first = run(suite, flaky, false);
        assertThat(first.results().metric("errors")).isEqualTo(2);
        assertThat(first.results().metric("graded")).isEqualTo(18);
        assertThat(first.stats().errors()).isEqualTo(2);
        ItemRecord failed = ItemLog.read(dir.resolve("run/items.jsonl")).latest().get("q003");
        assertThat(failed.status()).isEqualTo("error");
        assertThat(failed.error()).isEqualTo("CG-2101");
        Scripted healthy = new Scripted(Set.of());
        Evaluation.Outcome second = run(suite, healthy, true);
        assertThat(healthy.seen).containsExactlyInAnyOrder(3, 7);
        assertThat(second.stats().skipped()).isEqualTo(18);
        assertThat(second.results().metric("errors")).isZero();
        assertThat(second.results().metric("accuracy")).isEqualTo(0.75);
    }

    @Test
    void a_run_killed_midway_resumes_without_losing_or_resending_finished_items() throws Exception {
        Path suite = Suites.choice(dir, 20);
        run(suite, new Scripted(Set.of()), false);
        // Keep 8 whole lines and half of the ninth, as a kill -9 mid-write leaves the file.
        Path items = dir.resolve("run/items.jsonl");
        List<String> lines = Files.readAllLines(items);
        Files.writeString(items, String.join("\n", lines.subList(0, 8)) + "\n" + lines.get(8).substring(0, 40));
        Set<String> kept = ItemLog.read(items).latest().keySet();
        assertThat(kept).hasSize(8);
        Scripted second = new Scripted(Set.of());
        Evaluation.Outcome o = run(suite, second, true);
        assertThat(second.calls.get()).isEqualTo(12);
        assertThat(o.stats().dropped()).isEqualTo(1);
        for (String id : kept) {
            assertThat(second.seen).doesNotContain(Integer.parseInt(id.substring(1)));
        }
        assertThat(o.results().metric("accuracy")).isEqualTo(0.75);
        assertThat(Files.readAllLines(items)).hasSize(20);
    }

    @Test
    void a_directory_that_holds_a_run_is_refused_without_resume_and_for_another_model() {
        Path suite = Suites.choice(dir, 4);
        run(suite, new Scripted(Set.of()), false);
        assertThatThrownBy(() -> run(suite, new Scripted(Set.of()), false)).hasMessageStartingWith("CG-7002")
                .hasMessageContaining("--resume");
        Evaluation.Spec other = spec(suite, "another-model", true);
        assertThatThrownBy(() -> Evaluation.run(other, Evaluation.load(other), new Scripted(Set.of()), Grading
                .defaults(null))).hasMessageStartingWith("CG-7002").hasMessageContaining("another suite, model");
    }

    @Test
    void limit_runs_the_first_items_and_a_later_resume_without_limit_completes_the_suite() {
        Path suite = Suites.choice(dir, 20);
        Evaluation.Spec limited = new Evaluation.Spec(suite, null, dir.resolve("run"), "raw", 5, false,
                new Runner.Settings("m", 2, 64, 0.0, null, null));
        Evaluation.Outcome o = Evaluation.run(limited, Evaluation.load(limited), new Scripted(Set.of()), Grading
                .defaults(null));
        assertThat(o.results().items()).isEqualTo(5);
        Evaluation.Outcome all = run(suite, new Scripted(Set.of()), true);
        assertThat(all.stats().skipped()).isEqualTo(5);
        assertThat(all.results().items()).isEqualTo(20);
    }

    @Test
    void report_rewrites_results_from_the_items() throws Exception {
        Path suite = Suites.choice(dir, 8);
        run(suite, new Scripted(Set.of()), false);
        Files.delete(dir.resolve("run/report.html"));
        Results r = Evaluation.rewrite(dir.resolve("run"));
        assertThat(r.metric("accuracy")).isEqualTo(0.75);
        assertThat(dir.resolve("run/report.html")).exists();
    }

    @Test
    void summary_and_rag_suites_run_end_to_end_with_known_metrics() {
        Path sum = Suites.write(dir.resolve("sum.jsonl"), """
                {"id":"s1","source":"Cough for 3 days. Took paracetamol. No fever.","sections":["Problems","Plan"]}
                {"id":"s2","source":"Knee pain after a fall. X-ray normal.","sections":["Problems","Plan"]}
                """);
        Responder summarizer = r -> Reply.of(r.messages().get(1).text().startsWith("Cough")
                ? "Problems: cough for 3 days\nPlan: paracetamol"
                : "Problems: knee pain, fracture\nNo plan given, 5 days rest");
        Evaluation.Spec s = new Evaluation.Spec(sum, null, dir.resolve("sum"), "raw", 0, false, new Runner.Settings(
                "m", 2, 64, 0.0, null, null));
        Results r = Evaluation.run(s, Evaluation.load(s), summarizer, Grading.defaults(null)).results();
        // s1: both headings; s2: only Problems. Entities: s1 {3, paracetamol} supported; s2 {fracture, 5} not.
        assertThat(r.metric("section_completeness")).isEqualTo(0.75);
        assertThat(r.metric("unsupported_entity_rate")).isEqualTo(0.5);

        Path rag = Suites.write(dir.resolve("rag.jsonl"),
                """
                        {"id":"r1","question":"How often is HbA1c checked?","sources":[{"id":"ada","title":"ADA","text":"HbA1c should be checked every 3 months when therapy changes."}],"answer":"every 3 months"}
                        {"id":"r2","question":"Who needs eGFR yearly?","sources":[{"id":"kd","title":"KDIGO","text":"People with diabetes need eGFR and albuminuria measured at least once a year."}],"answer":"diabetes"}
                        """);
        Responder citer = q -> Reply.of(q.messages().get(1).text().contains("HbA1c should")
                ? "HbA1c should be checked every 3 months when therapy changes [1]."
                : "People with diabetes need eGFR measured once a year [1]. Liver biopsy is required yearly [2].");
        Evaluation.Spec rs = new Evaluation.Spec(rag, null, dir.resolve("rag"), "raw", 0, false, new Runner.Settings(
                "m", 2, 64, 0.0, null, null));
        Results rr = Evaluation.run(rs, Evaluation.load(rs), citer, Grading.defaults(null)).results();
        // Three citations, two verified ([2] names no source); both answers found in a cited source.
        assertThat(rr.metric("citations")).isEqualTo(3.0);
        assertThat(rr.metric("citation_fidelity")).isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(rr.metric("answer_found_rate")).isEqualTo(1.0);
    }
}
