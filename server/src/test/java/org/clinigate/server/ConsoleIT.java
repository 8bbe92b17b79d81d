package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.clinigate.core.drafts.Draft;
import org.clinigate.core.drafts.DraftStatus;
import org.clinigate.core.drafts.DraftStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reviewer console end to end in a real headless browser (Debian's chromium through chromedriver, both
 * installed by .ci/run): sign in with an API key, find a draft in the queue, see its flags highlighted, edit it,
 * sign it; a second reviewer's stale signature gets the conflict message; an admin sees the audit trail. Skipped,
 * saying why, where chromium is not installed.
 */
class ConsoleIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    static Gateway gateway;
    static WebDriver browser;
    static String reviewer;
    static String admin;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        gateway = new Gateway(new ScriptedBackend(), Map.of("CLINIGATE_AUTH_MODE", "keys"));
        reviewer = gateway.store.apiKeys().create("ward-5", "reviewer").secret();
        admin = gateway.store.apiKeys().create("ward-5", "admin").secret();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private static WebDriverWait waitUp() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    /** A fresh page with nothing remembered from an earlier test. */
    private static void openConsole() {
        browser.get(gateway.uri("/console/index.html").toString());
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
        browser.navigate().refresh();
    }

    private static void signIn(String key) {
        openConsole();
        WebElement field = waitUp().until(ExpectedConditions.visibilityOfElementLocated(By.id("credential")));
        field.sendKeys(key);
        browser.findElement(By.cssSelector("#sign-in-form button")).click();
        waitUp().until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("queue")),
                ExpectedConditions.visibilityOfElementLocated(By.id("audit"))));
    }

    @Test
    void without_a_console_client_there_is_no_single_sign_on_button() throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(gateway.uri(
                "/console/sso.json")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).isEqualTo("{\"enabled\":false}");
        openConsole();
        waitUp().until(ExpectedConditions.visibilityOfElementLocated(By.id("credential")));
        assertThat(browser.findElement(By.id("sso")).isDisplayed()).isFalse();
    }

    @Test
    void a_reviewer_signs_in_edits_and_signs_a_flagged_draft() throws Exception {
        Draft d = gateway.store.drafts().create(new DraftStore.NewDraft("ward-5", null, null, "note-summary",
                "medgemma-27b", "v2", List.of("guideline-dm#3"), List.of("certainty-language"),
                "Assessment: this definitely rules out ACS."));
        signIn(reviewer);
        long interactive = (Long) ((JavascriptExecutor) browser).executeScript(
                "const t = performance.getEntriesByType('navigation')[0]; return Math.round(t.domInteractive);");
        System.out.println("console: interactive " + interactive + " ms after navigation start (local)");

        WebElement row = waitUp().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#queue-rows tr[data-id='" + d.id() + "']")));
        row.click();
        waitUp().until(ExpectedConditions.visibilityOfElementLocated(By.id("draft")));
        List<WebElement> marks = browser.findElements(By.cssSelector("#text-view mark.flagged"));
        assertThat(marks).extracting(WebElement::getText).contains("definitely", "rules out");
        assertThat(browser.findElement(By.id("sources")).getText()).contains("guideline-dm#3");

        browser.findElement(By.id("edit")).click();
        WebElement editor = browser.findElement(By.id("text-edit"));
        editor.clear();
        editor.sendKeys("Assessment: ACS is unlikely; troponin pending.");
        browser.findElement(By.id("save")).click();
        waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-meta"), "version 2"));
        browser.findElement(By.id("sign")).click();
        waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-title"), "final"));

        Draft stored = gateway.store.drafts().get("ward-5", d.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(DraftStatus.FINAL);
        assertThat(stored.text()).isEqualTo("Assessment: ACS is unlikely; troponin pending.");
        assertThat(stored.originalText()).isEqualTo("Assessment: this definitely rules out ACS.");
    }

    @Test
    void a_stale_signature_shows_the_conflict_and_an_admin_sees_the_audit_trail() {
        Draft d = gateway.store.drafts().create(new DraftStore.NewDraft("ward-5", null, null, "ask", "medgemma-4b",
                "v1", List.of(), List.of(), "Answer: see guideline."));
        signIn(reviewer);
        waitUp().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#queue-rows tr[data-id='" + d.id() + "']"))).click();
        waitUp().until(ExpectedConditions.visibilityOfElementLocated(By.id("draft")));
        // Another reviewer edits it meanwhile.
        gateway.store.drafts().edit("ward-5", d.id(), 1, "Answer: see guideline section 4.", "key:other");
        browser.findElement(By.id("sign")).click();
        waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-error"), "changed"));
        assertThat(gateway.store.drafts().get("ward-5", d.id()).orElseThrow().status())
                .isEqualTo(DraftStatus.PRELIMINARY);

        browser.findElement(By.id("sign-out")).click();
        signIn(admin);
        waitUp().until(ExpectedConditions.visibilityOfElementLocated(By.id("audit")));
        assertThat(browser.findElement(By.id("audit-rows")).getText()).contains("POST /v1/drafts/" + d.id() + "/sign")
                .contains("denied 409");
    }

    @Test
    void a_bad_key_is_refused_on_the_sign_in_page() {
        openConsole();
        waitUp().until(ExpectedConditions.visibilityOfElementLocated(By.id("credential"))).sendKeys("cg_not-a-key");
        browser.findElement(By.cssSelector("#sign-in-form button")).click();
        waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "not accepted"));
        assertThat(browser.findElement(By.id("queue")).isDisplayed()).isFalse();
    }
}
