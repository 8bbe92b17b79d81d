package org.clinigate.safety.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.clinigate.core.rails.RailContext;
import org.clinigate.core.rails.Verdict;
import org.clinigate.safety.SafetyRails;

/**
 * Measures the rails and prints the figures issue 6 asks for; asserts nothing (benchmarks measure, tests check).
 *
 * <ol>
 * <li>Input rails: catch rate per kind and category and the over-refusal rate on the dev set (tuned on) and the
 * held-out set (not tuned on), with every miss.</li>
 * <li>Output rails: catch rate per planted danger, firings per rule, and the false-flag rate, on answers generated
 * with seeds the tests do not use, and on the hand-written held-out outputs.</li>
 * <li>Over-refusal of the input rails on public corpora this project did not write, when the shared reference data
 * is present ({@link ExternalCorpora}).</li>
 * <li>Latency of the output rail, and of the input rail, per 2 KB text: warm-up, then each check timed on its own;
 * p50, p95 and p99 in microseconds.</li>
 * </ol>
 *
 * Run from the repository root:
 *
 * <pre>
 * mvn -B -o -q test-compile -pl safety
 * mvn -B -o -q dependency:build-classpath -pl safety -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/safety.cp
 * java -cp safety/target/classes:safety/target/test-classes:$(cat /tmp/safety.cp) \
 *     org.clinigate.safety.eval.RailsBench [iterations] [shared-data-dir, default ../shared/data]
 * </pre>
 */
public final class RailsBench {

    private static final int TEXT_CHARS = 2048;

    private RailsBench() {
    }

    public static void main(String[] args) throws java.io.IOException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        java.nio.file.Path shared = java.nio.file.Path.of(args.length > 1 ? args[1] : "../shared/data");
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, %s %s%n", Runtime.getRuntime()
                .availableProcessors(), System.getProperty("java.version"), System.getProperty("os.name"),
                System
                        .getProperty("os.arch"));
        long t0 = System.nanoTime();
        SafetyRails rails = SafetyRails.defaults();
        System.out.printf(Locale.ROOT, "rule sets %s and %s, dose table %s, loaded and self-tested in %.0f ms%n%n",
                rails.inputRules().name(), rails.outputRules().name(), rails.medication().doses().version(), (System
                        .nanoTime() - t0) / 1e6);

        System.out.print(InputCorpus.evaluate(rails.input(), InputCorpus.load(
                "/org/clinigate/safety/corpus/input-dev.tsv")).table("input rails, dev set (rules tuned on it)"));
        System.out.print(InputCorpus.evaluate(rails.input(), InputCorpus.load(
                "/org/clinigate/safety/corpus/input-holdout.tsv")).table("input rails, held-out set"));

        new ExternalCorpora(shared).run(rails.input());

        OutputReport generated = new OutputReport();
        WorstCaseModel model = new WorstCaseModel(2026);
        List<WorstCaseModel.Output> answers = new ArrayList<>(model.dangerous(600));
        answers.addAll(model.safe(600));
        answers.forEach(o -> generated.add(o, rails.checkOutput(o.text(), o.context())));
        System.out.print("\noutput rails, 600 dangerous and 600 safe generated answers (seed 2026, unused by tests)\n"
                + generated.table());
        OutputReport holdout = new OutputReport();
        OutputHoldout.load().forEach(o -> holdout.add(o, rails.checkOutput(o.text(), o.context())));
        System.out.print("\noutput rails, hand-written held-out outputs\n" + holdout.table());

        List<WorstCaseModel.Output> texts = padded(answers);
        System.out.printf(Locale.ROOT, "%nlatency per %d-char text, %d checks after %d warm-up checks%n", TEXT_CHARS,
                iterations, iterations);
        latency("output rail", texts, iterations, (t, c) -> rails.checkOutput(t, c));
        List<String> prompts = new ArrayList<>();
        InputCorpus.load("/org/clinigate/safety/corpus/input-dev.tsv").forEach(c -> prompts.add(c.text()));
        List<WorstCaseModel.Output> inputs = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            inputs.add(new WorstCaseModel.Output(WorstCaseModel.Kind.SAFE, java.util.Set.of(), prompts.get(i % prompts
                    .size()) + " " + texts.get(i).text(), RailContext.of("chat")));
        }
        latency("input rail", padded(inputs), iterations, (t, c) -> rails.checkInput(t, c));
    }

    /** Each answer cut or extended with its own prose to exactly {@link #TEXT_CHARS} characters. */
    private static List<WorstCaseModel.Output> padded(List<WorstCaseModel.Output> answers) {
        List<WorstCaseModel.Output> out = new ArrayList<>();
        for (WorstCaseModel.Output o : answers) {
            StringBuilder sb = new StringBuilder(o.text());
            while (sb.length() < TEXT_CHARS) {
                sb.append(' ').append(o.text());
            }
            out.add(new WorstCaseModel.Output(o.kind(), o.expectedRules(), sb.substring(0, TEXT_CHARS), o.context()));
        }
        return out;
    }

    @FunctionalInterface
    private interface Check {
        Verdict run(String text, RailContext ctx);
    }

    private static void latency(String name, List<WorstCaseModel.Output> texts, int iterations, Check check) {
        int sink = 0;
        for (int i = 0; i < iterations; i++) {
            WorstCaseModel.Output o = texts.get(i % texts.size());
            sink += check.run(o.text(), o.context()).flags().size();
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            WorstCaseModel.Output o = texts.get(i % texts.size());
            long t = System.nanoTime();
            sink += check.run(o.text(), o.context()).flags().size();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "  %-12s p50 %6.1f us  p95 %6.1f us  p99 %6.1f us  max %7.1f us  (%d flags)%n",
                name, nanos[iterations / 2] / 1e3, nanos[(int) (iterations * 0.95)] / 1e3, nanos[(int) (iterations
                        * 0.99)] / 1e3,
                nanos[iterations - 1] / 1e3, sink);
    }
}
