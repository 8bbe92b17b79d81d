package org.clinigate.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.clinigate.eval.bench.LoopbackModel;
import org.clinigate.eval.grade.Grading;
import org.clinigate.eval.run.HttpChat;
import org.clinigate.eval.run.Runner;
import org.clinigate.eval.testing.Suites;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The HTML report in a real headless browser (Debian's chromium through chromedriver): it opens from a file with no
 * network, draws its charts with interval whiskers, and shows hostile suite text as text. Skipped, saying why, where
 * chromium is not installed. Checks structure only; timing belongs to {@code clinigate bench eval-report}.
 */
class ReportBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static WebDriver browser;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_report_opens_offline_and_shows_charts_tables_and_escaped_text() throws Exception {
        Path suite = Suites.choice(dir, 24);
        try (LoopbackModel model = LoopbackModel.start(p -> "<img src=x onerror=\"document.title='pwned'\">"
                + "<script>document.title='pwned'</script>\nAnswer: " + (Suites.number(p) % 3 == 0
                        ? "A"
                        : Suites
                                .letter(Suites.number(p))),
                0);
                HttpChat chat = new HttpChat(model.url(), null, Duration
                        .ofSeconds(10))) {
            Evaluation.Spec s = new Evaluation.Spec(suite, null, dir.resolve("run"), "raw", 0, false,
                    new Runner.Settings("m", 4, 32, 0.0, null, null));
            Evaluation.run(s, Evaluation.load(s), chat, Grading.defaults(null));
        }
        browser.get(dir.resolve("run/report.html").toUri().toString());
        assertThat(browser.getTitle()).startsWith("Clinigate eval: choice.jsonl");
        List<WebElement> charts = browser.findElements(By.cssSelector("svg.chart"));
        assertThat(charts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(charts).allMatch(WebElement::isDisplayed);
        WebElement specialty = charts.stream().filter(c -> c.findElement(By.tagName("title")).getAttribute(
                "textContent").contains("specialty")).findFirst().orElseThrow();
        assertThat(specialty.findElements(By.cssSelector("rect.bar"))).hasSize(2);
        assertThat(specialty.findElements(By.cssSelector("line.ci"))).hasSize(6);
        assertThat(specialty.getRect().getHeight()).isGreaterThan(40);
        assertThat(browser.findElement(By.id("metrics")).getText()).contains("accuracy");
        WebElement worst = browser.findElement(By.id("worst"));
        assertThat(worst.getText()).contains("<script>document.title='pwned'</script>");
        assertThat(browser.findElements(By.cssSelector("#worst img, #worst script"))).isEmpty();
        assertThat(browser.getTitle()).doesNotContain("pwned");
        assertThat(browser.findElements(By.cssSelector("#items tr"))).hasSize(25);
    }
}
