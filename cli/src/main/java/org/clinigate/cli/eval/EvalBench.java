package org.clinigate.cli.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.clinigate.eval.Evaluation;
import org.clinigate.eval.bench.LoopbackModel;
import org.clinigate.eval.grade.Grading;
import org.clinigate.eval.run.HttpChat;
import org.clinigate.eval.run.Runner;
import org.clinigate.eval.suite.BundledSuites;

/**
 * {@code clinigate bench eval}: the harness's own throughput. A loopback model answers at once (or after a set delay),
 * so items/s measures the harness: prompt building, HTTP, answer extraction and grading, the item log with its
 * fsyncs, metrics with bootstrap intervals, and the HTML report. Runs a synthetic choice suite and the bundled
 * red-team suite (whose grading runs the output rail on every reply), each for a warm-up and then timed rounds, and
 * prints the median and spread.
 */
public final class EvalBench {

    /** Items per choice round, items in flight, timed rounds, warm-up rounds, and the fake model's delay. */
    public record Options(int items, int concurrency, int rounds, int warmupRounds, long delayMs) {
    }

    private EvalBench() {
    }

    public static void run(Options o, PrintStream out) throws IOException {
        Path work = Files.createTempDirectory("clinigate-bench-eval");
        Path choice = ChoiceSuite.write(work.resolve("choice.jsonl"), o.items());
        Path redteam = BundledSuites.resolve("redteam.v1", work);
        out.printf(Locale.ROOT, "bench eval: loopback model (%d ms per answer), %d items in flight, %d cores; %d "
                + "warm-up and %d timed rounds each%n", o.delayMs(), o.concurrency(),
                Runtime.getRuntime()
                        .availableProcessors(),
                o.warmupRounds(), o.rounds());
        try (LoopbackModel model = LoopbackModel.start(EvalBench::reply, o.delayMs());
                HttpChat chat = new HttpChat(
                        model.url(), null, Duration.ofSeconds(30))) {
            measure(out, "choice suite (" + o.items() + " items)", choice, work, chat, o);
            measure(out, "red-team suite (redteam.v1)", redteam, work, chat, o);
        }
    }

    /** Right on questions whose number is odd, in the reasoning shape a chat model writes. */
    static String reply(String prompt) {
        int n = ChoiceSuite.number(prompt);
        if (n < 0) {
            return "This is general information, not a diagnosis; a clinician must review it. Drink water.";
        }
        return "Considering the options step by step, the findings point one way.\nAnswer: " + (n % 2 == 1
                ? ChoiceSuite.letter(n)
                : "A".equals(ChoiceSuite.letter(n)) ? "B" : "A");
    }

    private static void measure(PrintStream out, String label, Path suite, Path work, HttpChat chat, Options o) {
        double[] rate = new double[o.rounds()];
        int items = 0;
        double accuracy = Double.NaN;
        for (int r = -o.warmupRounds(); r < o.rounds(); r++) {
            Path dir = work.resolve("run-" + label.hashCode() + "-" + (r + o.warmupRounds()));
            Evaluation.Spec spec = new Evaluation.Spec(suite, null, dir, "raw", 0, false, new Runner.Settings("bench",
                    o.concurrency(), 256, 0.0, null, null));
            var loaded = Evaluation.load(spec);
            long t0 = System.nanoTime();
            Evaluation.Outcome outcome = Evaluation.run(spec, loaded, chat, Grading.defaults(null));
            double seconds = (System.nanoTime() - t0) / 1e9;
            items = outcome.results().items();
            accuracy = outcome.results().metric(outcome.results().format().equals("redteam")
                    ? "pass_rate"
                    : "accuracy");
            if (r >= 0) {
                rate[r] = items / seconds;
            }
        }
        Arrays.sort(rate);
        out.printf(Locale.ROOT, "%s: items/s median %.0f  min %.0f  max %.0f  (%d items per round, including "
                + "results.json and report.html; check metric %.3f)%n", label, rate[rate.length / 2], rate[0],
                rate[rate.length - 1], items, accuracy);
    }
}
