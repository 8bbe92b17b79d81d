package org.clinigate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.clinigate.eval.bench.LoopbackModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    @TempDir
    Path dir;

    /** Ten MedQA-format questions; question i's answer is letter i mod 4. */
    Path suite() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append(String.format(Locale.ROOT, "{\"question\": \"Which is letter %d?\", \"options\": {\"A\": \"w\", "
                    + "\"B\": \"x\", \"C\": \"y\", \"D\": \"z\"}, \"answer_idx\": \"%c\", \"meta_info\": \"step%d\"}%n",
                    i, (char) ('A' + i % 4), i % 2 + 1));
        }
        return Files.writeString(dir.resolve("mini.jsonl"), b.toString());
    }

    /** Right on six of eight: wrong on questions 3 and 7. */
    static String reply(String prompt) {
        int i = Integer.parseInt(prompt.replaceAll("(?s).*Which is letter (\\d+)\\?.*", "$1"));
        char right = (char) ('A' + i % 4);
        return "Answer: " + (i % 4 == 3 ? 'A' : right);
    }

    String[] runArgs(String url, Path out, String model) throws Exception {
        return new String[]{"eval", "run", "--suite", suite().toString(), "--model", model, "--out", out.toString(),
                "--endpoint", url, "--mode", "raw", "--quiet", "--concurrency", "3"};
    }

    @Test
    void run_compare_and_report_work_from_the_command_line() throws Exception {
        int[] exit = new int[1];
        try (LoopbackModel model = LoopbackModel.start(EvalCommandTest::reply, 0);
                LoopbackModel perfect = LoopbackModel.start(p -> "Answer: " + (char) ('A' + Integer.parseInt(p
                        .replaceAll("(?s).*Which is letter (\\d+)\\?.*", "$1")) % 4), 0)) {
            String out = CliRun.run(exit, runArgs(model.url(), dir.resolve("a"), "m1"));
            assertThat(exit[0]).as(out).isZero();
            assertThat(out).contains("accuracy").contains("0.7500").contains("8 sent");
            CliRun.run(exit, runArgs(perfect.url(), dir.resolve("b"), "m2"));
            assertThat(exit[0]).isZero();
        }
        String table = CliRun.run(exit, "eval", "compare", dir.resolve("a").toString(), dir.resolve("b").toString());
        assertThat(exit[0]).isZero();
        // Discordant pairs: 0 right only in A, 2 right only in B: p = 2 * 0.25 = 0.5.
        assertThat(table).contains("McNemar exact p").contains("0.5000").contains("+0.2500");
        String json = CliRun.run(exit, "eval", "compare", "--json", dir.resolve("a").toString(), dir.resolve("b")
                .toString());
        assertThat(json).contains("\"mcnemar_p\" : 0.5");
        Files.delete(dir.resolve("a/report.html"));
        String report = CliRun.run(exit, "eval", "report", dir.resolve("a").toString());
        assertThat(exit[0]).isZero();
        assertThat(report).contains("0.7500");
        assertThat(dir.resolve("a/report.html")).exists();
    }

    @Test
    void a_malformed_suite_exits_with_its_line_number_and_code() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), Files.readString(suite()) + "{\"question\": 1,\n");
        int[] exit = new int[1];
        String err = stderr(() -> CliRun.run(exit, "eval", "run", "--suite", bad.toString(), "--model", "m", "--out",
                dir.resolve("x").toString(), "--endpoint", "http://127.0.0.1:9", "--quiet"));
        assertThat(exit[0]).isEqualTo(65);
        assertThat(err).contains("CG-7001").contains("line 9");
    }

    @Test
    void an_existing_run_is_not_overwritten_without_resume() throws Exception {
        int[] exit = new int[1];
        try (LoopbackModel model = LoopbackModel.start(EvalCommandTest::reply, 0)) {
            CliRun.run(exit, runArgs(model.url(), dir.resolve("a"), "m1"));
            String err = stderr(() -> {
                try {
                    CliRun.run(exit, runArgs(model.url(), dir.resolve("a"), "m1"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(exit[0]).isEqualTo(65);
            assertThat(err).contains("CG-7002");
            String again = CliRun.run(exit, appendResume(runArgs(model.url(), dir.resolve("a"), "m1")));
            assertThat(exit[0]).isZero();
            assertThat(again).contains("0 sent, 8 already finished");
        }
    }

    @Test
    void exactly_one_of_endpoint_and_gguf_is_required() throws Exception {
        int[] exit = new int[1];
        String err = stderr(() -> CliRun.run(exit, "eval", "run", "--suite", "x.jsonl", "--model", "m", "--out", dir
                .resolve("x").toString()));
        assertThat(exit[0]).isEqualTo(65);
        assertThat(err).contains("CG-1001").contains("--endpoint");
    }

    private static String[] appendResume(String[] args) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = "--resume";
        return out;
    }

    private static String stderr(Runnable r) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
