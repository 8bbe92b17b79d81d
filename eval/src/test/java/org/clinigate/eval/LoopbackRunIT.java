package org.clinigate.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.clinigate.eval.bench.LoopbackModel;
import org.clinigate.eval.grade.Grading;
import org.clinigate.eval.run.HttpChat;
import org.clinigate.eval.run.HttpGrader;
import org.clinigate.eval.run.ItemLog;
import org.clinigate.eval.run.ItemRecord;
import org.clinigate.eval.run.Runner;
import org.clinigate.eval.testing.SlowRunMain;
import org.clinigate.eval.testing.Suites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs over HTTP against a scripted loopback model whose answers are known. */
class LoopbackRunIT {

    @TempDir
    Path dir;

    static Evaluation.Spec spec(Path suite, Path out, int concurrency) {
        return new Evaluation.Spec(suite, null, out, "raw", 0, false, new Runner.Settings("scripted", concurrency, 64,
                0.0, 7L, null));
    }

    @Test
    void a_scripted_http_model_right_on_three_quarters_scores_exactly_0_75() {
        Path suite = Suites.choice(dir, 40);
        // Wrong on every fourth question, in assorted reply shapes the extractor must read.
        try (LoopbackModel model = LoopbackModel.start(p -> {
            int i = Suites.number(p);
            String right = Suites.letter(i);
            String wrong = right.equals("A") ? "C" : "A";
            return switch (i % 4) {
                case 0 -> "Thinking... The answer is (" + wrong + ").";
                case 1 -> "Reasoning.\nAnswer: " + right;
                case 2 -> "**" + right + "**";
                default -> "I would choose " + right + ".";
            };
        }, 0); HttpChat chat = new HttpChat(model.url(), "test-key", Duration.ofSeconds(10))) {
            Evaluation.Spec s = spec(suite, dir.resolve("run"), 8);
            Evaluation.Outcome o = Evaluation.run(s, Evaluation.load(s), chat, Grading.defaults(null));
            assertThat(o.results().metric("accuracy")).isEqualTo(0.75);
            assertThat(o.results().metric("errors")).isZero();
            assertThat(model.requests()).isEqualTo(40);
        }
    }

    @Test
    void a_model_that_fails_each_first_attempt_with_503_is_retried_and_the_run_has_no_errors() {
        Path suite = Suites.choice(dir, 12);
        Set<Integer> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (LoopbackModel model = LoopbackModel.start(p -> failedOnce.add(Suites.number(p))
                ? null
                : "Answer: " + Suites.letter(Suites.number(p)), 0);
                HttpChat chat = new HttpChat(model.url(), null,
                        Duration.ofSeconds(10))) {
            Evaluation.Spec s = spec(suite, dir.resolve("retry"), 4);
            Evaluation.Outcome o = Evaluation.run(s, Evaluation.load(s), chat, Grading.defaults(null));
            assertThat(o.results().metric("errors")).isZero();
            assertThat(o.results().metric("accuracy")).isEqualTo(1.0);
            assertThat(model.requests()).isEqualTo(24);
        }
    }

    @Test
    void a_red_team_run_over_http_grades_behaviour_per_category() {
        Path suite = Suites.redTeam(dir);
        // A model that always answers plainly: passes only the benign 'answer' prompt.
        try (LoopbackModel model = LoopbackModel.start(p -> "Here is some general information about that.", 0);
                HttpChat chat = new HttpChat(model.url(), null, Duration.ofSeconds(10))) {
            Evaluation.Spec s = spec(suite, dir.resolve("rt"), 4);
            Evaluation.Outcome o = Evaluation.run(s, Evaluation.load(s), chat, Grading.defaults(null));
            assertThat(o.results().metric("pass_rate")).isEqualTo(0.1);
            assertThat(o.results().metric("refusal_rate")).isZero();
            assertThat(o.results().metric("over_refusal_rate")).isZero();
            assertThat(o.results().groups().get("category").get("benign").get("pass_rate")).isEqualTo(0.5);
            assertThat(o.results().groups().get("behaviour").get("refuse")).containsEntry("answer", 6.0);
        }
    }

    @Test
    void a_grader_that_fails_or_answers_garbage_marks_items_and_the_run_goes_on() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            b.append("{\"prompt_id\":\"h").append(i).append("\",\"example_tags\":[\"theme:t").append(i % 2).append(
                    "\"],\"prompt\":[{\"role\":\"user\",\"content\":\"case ").append(i).append(
                            "\"}],\"rubrics\":[{\"criterion\":\"Advises care.\",\"points\":5,\"tags\":"
                                    + "[\"axis:completeness\"]}]}\n");
        }
        Path suite = Suites.write(dir.resolve("hb.jsonl"), b.toString());
        try (LoopbackModel model = LoopbackModel.start(p -> "reply to " + p, 0);
                LoopbackModel grader = LoopbackModel.start(p -> p.contains("case 1\n")
                        ? null
                        : p.contains("case 2\n")
                                ? "no idea"
                                : "{\"explanation\":\"\",\"criteria_met\":true}",
                        0);
                HttpChat chat = new HttpChat(model.url(), null, Duration.ofSeconds(10));
                HttpChat judge = new HttpChat(grader.url(), null, Duration.ofSeconds(10))) {
            Evaluation.Spec s = spec(suite, dir.resolve("hb"), 3);
            Evaluation.Outcome o = Evaluation.run(s, Evaluation.load(s), chat, Grading.defaults(new HttpGrader(judge,
                    "judge")));
            assertThat(o.results().metric("grader_errors")).isEqualTo(2);
            assertThat(o.results().metric("graded")).isEqualTo(4);
            assertThat(o.results().metric("score")).isEqualTo(1.0);
            ItemRecord h1 = ItemLog.read(dir.resolve("hb/items.jsonl")).latest().get("h1");
            assertThat(h1.status()).isEqualTo("grader_error");
            assertThat(h1.error()).startsWith("CG-7003");
            assertThat(h1.output()).isEqualTo("reply to case 1");
        }
    }

    @Test
    void a_run_killed_with_sigkill_resumes_without_losing_a_finished_item() throws Exception {
        Path suite = Suites.choice(dir, 300);
        Path out = dir.resolve("killed");
        Path items = out.resolve(Evaluation.ITEMS);
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), SlowRunMain.class
                .getName(), suite.toString(), out.toString()).redirectErrorStream(true).redirectOutput(dir.resolve(
                        "child.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines(items) < 40 && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as(Files.exists(dir.resolve("child.log"))
                ? Files.readString(dir.resolve(
                        "child.log"))
                : "no log").isTrue();
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        ItemLog.Contents before = ItemLog.read(items);
        Set<String> finished = new HashSet<>(before.latest().keySet());
        assertThat(finished.size()).isBetween(40, 299);

        Set<Integer> resent = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (LoopbackModel model = LoopbackModel.start(p -> {
            resent.add(Suites.number(p));
            return "Answer: " + Suites.letter(Suites.number(p));
        }, 0); HttpChat chat = new HttpChat(model.url(), null, Duration.ofSeconds(10))) {
            Evaluation.Spec s = new Evaluation.Spec(suite, null, out, "raw", 0, true, new Runner.Settings("slow", 8,
                    32, 0.0, null, null));
            Evaluation.Outcome o = Evaluation.run(s, Evaluation.load(s), chat, Grading.defaults(null));
            assertThat(o.results().items()).isEqualTo(300);
            assertThat(o.results().metric("accuracy")).isEqualTo(1.0);
            assertThat(resent).hasSize(300 - finished.size());
        }
        for (String id : finished) {
            assertThat(resent).doesNotContain(Integer.parseInt(id.substring(1)));
        }
        List<ItemRecord> all = ItemLog.read(items).records();
        assertThat(all).hasSize(300);
    }

    private static long lines(Path file) throws Exception {
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] b = Files.readAllBytes(file);
        long n = 0;
        for (byte x : b) {
            if (x == '\n') {
                n++;
            }
        }
        return n;
    }
}
