package org.clinigate.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.eval.Evaluation;
import org.clinigate.eval.compare.Comparison;
import org.clinigate.eval.grade.Grading;
import org.clinigate.eval.metrics.Results;
import org.clinigate.eval.run.HttpChat;
import org.clinigate.eval.run.HttpGrader;
import org.clinigate.eval.run.InProcess;
import org.clinigate.eval.run.Responder;
import org.clinigate.eval.run.Runner;
import org.clinigate.eval.suite.BundledSuites;
import org.clinigate.eval.suite.Suite;
import org.clinigate.eval.suite.SuiteFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clinigate eval run|compare|report}: measure a model on a suite, compare two runs, re-render a report. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate a model on a suite (MedQA, "
        + "MedMCQA, PubMedQA, HealthBench, summary, RAG QA, red team), compare runs, and render reports.", subcommands = {
                EvalCommand.Run.class, EvalCommand.Compare.class, EvalCommand.Report.class})
final class EvalCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Send every item of a suite to a model, "
            + "grade the replies, and write DIR/items.jsonl, DIR/results.json and DIR/report.html.")
    static final class Run implements Callable<Integer> {

        @Option(names = "--suite", required = true, description = "A suite file or folder, or a bundled suite name "
                + "(redteam.v1).")
        String suite;

        @Option(names = "--format", description = "medqa, medmcqa, pubmedqa, healthbench, summary, rag or redteam "
                + "(default: detected from the first record).")
        String format;

        @Option(names = "--model", required = true, description = "The model name requests carry.")
        String model;

        @Option(names = "--out", required = true, description = "The run directory.")
        Path out;

        @Option(names = "--endpoint", description = "pipeline: the Clinigate gateway's URL; raw: the model server's "
                + "OpenAI-compatible URL.")
        String endpoint;

        @Option(names = "--gguf", description = "Run this GGUF model in this process instead of calling --endpoint; "
                + "pipeline mode adds de-identification and the bundled rails.")
        Path gguf;

        @Option(names = "--mode", defaultValue = "pipeline", description = "pipeline (through the gateway: "
                + "de-identification and rails on) or raw (the model directly). Default: ${DEFAULT-VALUE}.")
        String mode;

        @Option(names = "--api-key", description = "Bearer key for --endpoint (default: $CLINIGATE_EVAL_API_KEY).")
        String apiKey;

        @Option(names = "--concurrency", defaultValue = "4", description = "Items in flight (default: "
                + "${DEFAULT-VALUE}).")
        int concurrency;

        @Option(names = "--limit", defaultValue = "0", description = "Only the first N items (default: all).")
        int limit;

        @Option(names = "--resume", description = "Continue the run in --out, skipping finished items.")
        boolean resume;

        @Option(names = "--max-tokens", defaultValue = "1024", description = "Most tokens per reply (default: "
                + "${DEFAULT-VALUE}).")
        int maxTokens;

        @Option(names = "--temperature", defaultValue = "0", description = "Sampling temperature (default: "
                + "${DEFAULT-VALUE}).")
        double temperature;

        @Option(names = "--seed", description = "Sampling seed sent with every request.")
        Long seed;

        @Option(names = "--timeout", defaultValue = "300", description = "Seconds to wait for one reply (default: "
                + "${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Option(names = "--threads", defaultValue = "2", description = "--gguf: llama.cpp threads (default: "
                + "${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--grader-endpoint", description = "HealthBench: the grader model's OpenAI-compatible URL.")
        String graderEndpoint;

        @Option(names = "--grader-model", description = "HealthBench: the grader model's name.")
        String graderModel;

        @Option(names = "--grader-api-key", description = "Bearer key for the grader (default: "
                + "$CLINIGATE_EVAL_GRADER_API_KEY).")
        String graderApiKey;

        @Option(names = "--quiet", description = "No progress bar.")
        boolean quiet;

        @Override
        public Integer call() {
            if (!mode.equals("pipeline") && !mode.equals("raw")) {
                throw new ClinigateException(ErrorCode.CG_1001, "--mode must be pipeline or raw");
            }
            if ((endpoint == null) == (gguf == null)) {
                throw new ClinigateException(ErrorCode.CG_1001, "give exactly one of --endpoint URL and --gguf FILE");
            }
            Path suitePath = BundledSuites.resolve(suite, out.resolve("suite"));
            Runner.Settings settings = new Runner.Settings(model, concurrency, maxTokens, temperature, seed, quiet
                    ? null
                    : System.err);
            Evaluation.Spec s = new Evaluation.Spec(suitePath, format == null ? null : SuiteFormat.parse(format), out,
                    mode, limit, resume, settings);
            Suite loaded = Evaluation.load(s);
            try (Responder responder = responder(); Responder judge = judge()) {
                Grading grading = Grading.defaults(judge == null ? null : new HttpGrader(judge, graderModel));
                Evaluation.Outcome o = Evaluation.run(s, loaded, responder, grading);
                print(o);
            }
            return 0;
        }

        private Responder responder() {
            if (gguf != null) {
                var backend = InProcess.llama(gguf, model, threads, maxTokens);
                return mode.equals("pipeline") ? InProcess.pipeline(backend) : InProcess.raw(backend);
            }
            String key = apiKey != null ? apiKey : System.getenv("CLINIGATE_EVAL_API_KEY");
            return new HttpChat(endpoint, key, Duration.ofSeconds(timeoutSeconds));
        }

        private Responder judge() {
            if (graderEndpoint == null) {
                return null;
            }
            if (graderModel == null) {
                throw new ClinigateException(ErrorCode.CG_1001, "--grader-endpoint needs --grader-model");
            }
            String key = graderApiKey != null ? graderApiKey : System.getenv("CLINIGATE_EVAL_GRADER_API_KEY");
            return new HttpChat(graderEndpoint, key, Duration.ofSeconds(timeoutSeconds));
        }

        private static void print(Evaluation.Outcome o) {
            Runner.Stats st = o.stats();
            System.out.printf(Locale.ROOT, "eval: %d sent, %d already finished, %d errors%s%n", st.sent(), st
                    .skipped(), st.errors(), st.dropped() > 0 ? ", dropped a half-written last line" : "");
            printResults(o.results());
            System.out.println("wrote " + o.dir().resolve(Evaluation.RESULTS) + " and " + o.dir().resolve(
                    Evaluation.REPORT));
        }
    }

    static void printResults(Results r) {
        System.out.printf(Locale.ROOT, "suite %s (%s), model %s, mode %s, %d items%n", r.suite(), r.format(), r
                .model(), r.mode(), r.items());
        r.metrics().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-28s %s%n", k, v == Math.rint(v) && Math.abs(
                v) < 1e12 ? Long.toString(v.longValue()) : String.format(Locale.ROOT, "%.4f", v)));
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, description = "Paired comparison of two runs on "
            + "their shared items: McNemar's exact test for right/wrong grades, a paired bootstrap for scores.")
    static final class Compare implements Callable<Integer> {

        @Parameters(index = "0", description = "Run directory A.")
        Path a;

        @Parameters(index = "1", description = "Run directory B.")
        Path b;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Override
        public Integer call() {
            Comparison c = Comparison.of(a, b);
            System.out.print(json ? c.toJson() + "\n" : c.table());
            return 0;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, description = "Recompute DIR/results.json from "
            + "DIR/items.jsonl and re-render DIR/report.html.")
    static final class Report implements Callable<Integer> {

        @Parameters(index = "0", description = "The run directory.")
        Path dir;

        @Override
        public Integer call() {
            printResults(Evaluation.rewrite(dir));
            System.out.println("wrote " + dir.resolve(Evaluation.REPORT));
            return 0;
        }
    }
}
