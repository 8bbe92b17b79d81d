package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.clinigate.core.audit.AuditRecord;
import org.clinigate.core.drafts.Draft;
import org.clinigate.core.drafts.DraftStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Single sign-on in the reviewer console, in a real headless browser against a loopback identity provider
 * ({@link TestIdp}: an authorization endpoint that signs the user in at once, a token endpoint that checks PKCE): the
 * reviewer clicks one button and lands on the queue, audited under the token's subject; a refused code and a provider
 * that is down each end on the sign-in page with the gateway's coded message. Skipped, saying why, where chromium is
 * not installed.
 */
class ConsoleSsoIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static TestIdp idp;
    static Gateway gateway;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isExecutable(ConsoleIT.CHROMIUM) && Files.isExecutable(ConsoleIT.DRIVER),
                "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        idp = new TestIdp();
        gateway = new Gateway(new ScriptedBackend(), idp.consoleEnv("keys+oidc"));
        ChromeOptions options = new ChromeOptions().setBinary(ConsoleIT.CHROMIUM.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(ConsoleIT.DRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (idp != null) {
            idp.close();
        }
    }

    @BeforeEach
    void reset() {
        idp.consoleToken = () -> idp.token().tenant("ward-7").claim("sub", "dr-okafor").roles("reviewer").sign();
        idp.tokenEndpointFailing = false;
    }

    private static WebDriverWait waitUp() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    private static void clickSingleSignOn() {
        browser.get(gateway.uri("/console/index.html").toString());
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
        browser.navigate().refresh();
        waitUp().until(ExpectedConditions.elementToBeClickable(By.id("sso-button"))).click();
    }

    @Test
    void a_reviewer_signs_in_with_one_click_and_lands_on_the_queue_under_the_tokens_subject() {
        Draft d = gateway.store.drafts().create(new DraftStore.NewDraft("ward-7", null, null, "ask", "medgemma-4b",
                "v1", List.of(), List.of(), "Answer: check the INR weekly."));
        clickSingleSignOn();
        waitUp().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#queue-rows tr[data-id='" + d
                .id() + "']")));
        // The code and state are gone from the address bar; the token lives in this tab only.
        assertThat(browser.getCurrentUrl()).endsWith("/console/index.html").doesNotContain("code=");
        List<AuditRecord> audit = gateway.store.auditLog().read(1, 10_000);
        assertThat(audit).anySatisfy(r -> {
            assertThat(r.event().principal()).isEqualTo("oidc:dr-okafor");
            assertThat(r.event().tenant()).isEqualTo("ward-7");
            assertThat(r.event().endpoint()).startsWith("GET /v1/drafts");
        });
    }

    @Test
    void a_refused_code_and_a_provider_that_is_down_end_on_the_sign_in_page_with_a_coded_message() {
        idp.consoleToken = () -> null; // the provider answers invalid_grant
        clickSingleSignOn();
        waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "CG-4013"));
        assertThat(browser.findElement(By.id("sign-in-error")).getText()).contains("invalid_grant");

        idp.tokenEndpointFailing = true;
        clickSingleSignOn();
        waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "CG-4014"));
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
    }

    @Test
    void the_exchange_endpoint_refuses_malformed_requests_and_says_where_to_sign_in() throws Exception {
        HttpResponse<String> settings = HTTP.send(HttpRequest.newBuilder(gateway.uri("/console/sso.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(settings.body()).contains("\"enabled\":true").contains(TestIdp.CONSOLE_CLIENT)
                .contains("/authorize");
        for (String body : new String[]{"", "{", "{\"code\":\"abc\",\"code_verifier\":\"short\","
                + "\"redirect_uri\":\"http://127.0.0.1/console/index.html\"}",
                "{\"code\":\"abc\",\"code_verifier\":\""
                        + "a".repeat(43) + "\",\"redirect_uri\":\"https://evil.example/steal\"}"}) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(gateway.uri("/console/sso/token")).header(
                    "Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.body()).contains("CG-2001");
        }
    }
}
