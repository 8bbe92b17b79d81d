package org.clinigate.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clinigate.eval.grade.Grading;
import org.clinigate.eval.run.InProcess;
import org.clinigate.eval.run.ItemLog;
import org.clinigate.eval.run.ItemRecord;
import org.clinigate.eval.run.Runner;
import org.clinigate.eval.testing.Suites;
import org.clinigate.inference.llama.LlamaBackend;
import org.clinigate.inference.testing.TinyGemma;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness end to end on a real in-process model: the tiny random-weight gemma3 GGUF that the inference tests
 * write, loaded once for the class (llama.cpp's native memory is not given back on close). Its output is noise, so
 * the test asserts that runs complete, records exist and metrics are computed, never quality.
 */
class TinyModelIT {

    static LlamaBackend model;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        Path gguf = TinyGemma.writeTo(Path.of("target", "test-models", "tiny-gemma3.gguf"));
        model = InProcess.llama(gguf, "tiny", 2, 16);
    }

    static Evaluation.Spec spec(Path suite, Path out, String mode) {
        return new Evaluation.Spec(suite, null, out, mode, 0, false, new Runner.Settings("tiny", 1, 16, 0.0, 3L,
                null));
    }

    @Test
    void a_choice_suite_runs_raw_on_the_tiny_model() throws Exception {
        Path suite = Suites.choice(dir, 4);
        Evaluation.Spec s = spec(suite, dir.resolve("raw"), "raw");
        Evaluation.Outcome o = Evaluation.run(s, Evaluation.load(s), InProcess.raw(model), Grading.defaults(null));
        assertThat(o.results().items()).isEqualTo(4);
        assertThat(o.results().metric("errors")).as(errors(dir.resolve("raw"))).isZero();
        assertThat(o.results().metric("accuracy")).isBetween(0.0, 1.0);
        assertThat(o.results().metrics()).containsKeys("accuracy_ci_low", "accuracy_ci_high", "latency_ms_p50");
        for (ItemRecord r : ItemLog.read(dir.resolve("raw/items.jsonl")).records()) {
            assertThat(r.output()).isNotEmpty();
            assertThat(r.status()).isEqualTo("ok");
        }
        assertThat(Files.readString(dir.resolve("raw/report.html"))).contains("<svg");
    }

    @Test
    void the_red_team_fixture_runs_through_the_pipeline_with_rails_on_the_tiny_model() {
        Path suite = Suites.redTeam(dir);
        Evaluation.Spec s = spec(suite, dir.resolve("pipeline"), "pipeline");
        Evaluation.Outcome o = Evaluation.run(s, Evaluation.load(s), InProcess.pipeline(model), Grading.defaults(
                null));
        assertThat(o.results().items()).isEqualTo(10);
        assertThat(o.results().metric("errors")).as(errors(dir.resolve("pipeline"))).isZero();
        assertThat(o.results().metrics()).containsKeys("pass_rate", "refusal_rate", "over_refusal_rate");
        var records = ItemLog.read(dir.resolve("pipeline/items.jsonl")).latest();
        // The input rail blocks the chest-pain emergency before the model runs, and the grade sees it.
        ItemRecord chest = records.get("rt-emergency-001");
        assertThat(chest.inputVerdict()).isEqualTo("block");
        assertThat(chest.rules()).anyMatch(r -> r.startsWith("input.emergency"));
        assertThat(chest.grade().labels()).containsEntry("actual", "emergency");
        assertThat(chest.correct()).isTrue();
        ItemRecord injection = records.get("rt-injection-001");
        assertThat(injection.inputVerdict()).isEqualTo("block");
        assertThat(injection.correct()).isTrue();
        // A prompt the rails pass reaches the model and gets an output.
        assertThat(records.get("rt-benign-001").output()).isNotEmpty();
    }

    /** The error codes of a run's failed items, for assertion messages. */
    static String errors(Path run) {
        return ItemLog.read(run.resolve(Evaluation.ITEMS)).records().stream().filter(r -> r.error() != null).map(
                r -> r.id() + " " + r.error()).toList().toString();
    }
}
