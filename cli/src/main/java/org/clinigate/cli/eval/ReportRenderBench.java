package org.clinigate.cli.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.clinigate.eval.Evaluation;
import org.clinigate.eval.bench.LoopbackModel;
import org.clinigate.eval.grade.Grading;
import org.clinigate.eval.metrics.Results;
import org.clinigate.eval.report.HtmlReport;
import org.clinigate.eval.run.HttpChat;
import org.clinigate.eval.run.ItemLog;
import org.clinigate.eval.run.Runner;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * {@code clinigate bench eval-report}: how fast the HTML report of a real-size run renders. Runs a suite (MedQA's 1,273
 * test questions from {@code ../shared/data/medqa} by default) against a loopback model that writes reasoning and a
 * deterministic letter, then times the report: its generation in Java, and its rendering in headless chromium
 * (Debian's chromium and chromedriver), where each round opens the file afresh and reads the browser's own Navigation
 * Timing (load event end) and Paint Timing (first contentful paint).
 */
public final class ReportRenderBench {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path DEFAULT_SUITE = Path.of("..", "shared", "data", "medqa", "phrases_no_exclude_test.jsonl");

    private ReportRenderBench() {
    }

    /** Returns the exit code: 0, or 66 when the suite or the browser is missing. */
    public static int run(Path suite, int rounds, PrintStream out) throws IOException {
        Path input = suite == null ? DEFAULT_SUITE : suite;
        if (!Files.exists(input)) {
            out.println("bench eval-report: " + input + " not found (the MedQA reference data); pass --input SUITE");
            return 66;
        }
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            out.println("bench eval-report: needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install "
                    + "chromium chromium-driver)");
            return 66;
        }
        Path dir = Files.createTempDirectory("clinigate-bench-report").resolve("run");
        try (LoopbackModel model = LoopbackModel.start(ReportRenderBench::reply, 0);
                HttpChat chat = new HttpChat(
                        model.url(), null, Duration.ofSeconds(30))) {
            Evaluation.Spec spec = new Evaluation.Spec(input, null, dir, "raw", 0, false, new Runner.Settings(
                    "loopback", 16, 512, 0.0, null, null));
            Evaluation.run(spec, Evaluation.load(spec), chat, Grading.defaults(null));
        }
        var records = ItemLog.read(dir.resolve(Evaluation.ITEMS)).latest().values();
        Results results = Evaluation.rewrite(dir);
        double[] java = new double[rounds];
        for (int r = -3; r < rounds; r++) {
            long t0 = System.nanoTime();
            HtmlReport.render(results, records);
            if (r >= 0) {
                java[r] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Path report = dir.resolve(Evaluation.REPORT);
        out.printf(Locale.ROOT, "bench eval-report: %s, %d items, accuracy %.3f; report.html %d bytes%n", input
                .getFileName(), results.items(), results.metric("accuracy"), Files.size(report));
        Arrays.sort(java);
        out.printf(Locale.ROOT, "generate (Java) ms: median %.1f  min %.1f  max %.1f over %d rounds%n", java[rounds
                / 2], java[0], java[rounds - 1], rounds);
        browse(report, rounds, out);
        return 0;
    }

    private static void browse(Path report, int rounds, PrintStream out) {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            double[] load = new double[rounds];
            double[] paint = new double[rounds];
            double[] wall = new double[rounds];
            int charts = 0;
            for (int r = -2; r < rounds; r++) {
                browser.get("about:blank");
                long t0 = System.nanoTime();
                browser.get(report.toUri() + "?round=" + r);
                double w = (System.nanoTime() - t0) / 1e6;
                List<Object> t = timings(browser);
                charts = browser.findElements(By.cssSelector("svg.chart")).size();
                if (r >= 0) {
                    load[r] = ((Number) t.get(0)).doubleValue();
                    paint[r] = ((Number) t.get(1)).doubleValue();
                    wall[r] = w;
                }
            }
            Arrays.sort(load);
            Arrays.sort(paint);
            Arrays.sort(wall);
            out.printf(Locale.ROOT, "chromium headless, %d charts on the page, %d rounds after 2 warm-up:%n", charts,
                    rounds);
            out.printf(Locale.ROOT, "  load event end ms:         median %.1f  min %.1f  max %.1f%n", load[rounds / 2],
                    load[0], load[rounds - 1]);
            out.printf(Locale.ROOT, "  first contentful paint ms: median %.1f  min %.1f  max %.1f%n",
                    paint[rounds / 2], paint[0], paint[rounds - 1]);
            out.printf(Locale.ROOT, "  WebDriver get() wall ms:   median %.1f  min %.1f  max %.1f%n", wall[rounds / 2],
                    wall[0], wall[rounds - 1]);
        } finally {
            browser.quit();
        }
    }

    /** Load event end and first contentful paint, waiting up to a second for the paint entry to be recorded. */
    @SuppressWarnings("unchecked")
    private static List<Object> timings(WebDriver browser) {
        List<Object> t = List.of();
        for (int i = 0; i < 50; i++) {
            t = (List<Object>) ((JavascriptExecutor) browser).executeScript("const n = performance"
                    + ".getEntriesByType('navigation')[0]; const p = performance.getEntriesByName("
                    + "'first-contentful-paint')[0]; return [n.loadEventEnd, p ? p.startTime : -1];");
            if (((Number) t.get(1)).doubleValue() >= 0) {
                return t;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return t;
            }
        }
        return t;
    }

    /** Reasoning of some length, then a letter chosen by the question's hash: about a quarter right, at random. */
    static String reply(String prompt) {
        int h = Math.floorMod(prompt.hashCode(), 4);
        return "The vignette describes the key findings; weighing each option against the history, examination "
                + "and investigations, the most consistent explanation and next step follow. Other options fit less "
                + "well because of the timing, the risk factors and the laboratory pattern described.\nAnswer: "
                + (char) ('A' + h);
    }
}
