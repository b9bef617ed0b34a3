package dev.perpflow.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web dashboard in a real browser (headless Chromium driven by Selenium, {@link Browser}) against the app on the
 * test profile running the dev profile's two runs (the grid on sim-a and the funding-arbitrage run across the sims,
 * started from configs/dev/ as the dev profile starts them): the page and its security headers, sign-in with a
 * wrong and a right key, the overview with the runs and live events, the funding chart, a run's page, the
 * wide-spread confirmation of a close, and halt with its confirmation. Screenshots of every page, at desktop and
 * phone width, go to {@code target/dashboard-screenshots} (to {@code docs/screenshots} with
 * {@code -Dperpflow.dashboard.screenshots=../docs/screenshots}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardInTheBrowserTest extends AppTestSupport {

    private static final String KEY = "dashboard-bootstrap-key-0123456789abcdef";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private int wsPort;
    private Browser browser;

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        Path root = Path.of(System.getProperty("perpflow.routes-dir", "../routes")).getParent();
        properties.setProperty("perpflow.grid.dev-run", root.resolve("configs/dev/grid-sim-a.yaml").toString());
        properties.setProperty("perpflow.funding-arb.dev-run",
                root.resolve("configs/dev/funding-arb-sims.yaml").toString());
        properties.setProperty("perpflow.funding-arb.tick-millis", "300");
        properties.setProperty("perpflow.api-key", KEY);
        properties.setProperty("perpflow.ws.port", String.valueOf(wsPort()));
        properties.setProperty("perpflow.events.relay-delay-millis", "100");
        return properties;
    }

    private int wsPort() {
        if (wsPort == 0) {
            try (ServerSocket socket = new ServerSocket(0)) {
                wsPort = socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return wsPort;
    }

    private WebDriver driver() {
        if (browser == null) {
            Browser.assumeAvailable();
            browser = Browser.start();
        }
        return browser.driver();
    }

    /** No script error, no refusal by the page's Content-Security-Policy, no module that failed to load. */
    @AfterEach
    void thePageLoggedNoError() {
        if (browser != null) {
            assertThat(browser.errorsInConsole()).as("errors in the browser console").isEmpty();
        }
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port();
    }

    /** Waits up to {@link #WAIT}; the page re-renders its tables every few seconds, so stale elements are retried. */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver(), WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The text (or an attribute) of every element a selector matches, read at one instant. */
    @SuppressWarnings("unchecked")
    private List<String> all(String css, String attribute) {
        return (List<String>) script("return [...document.querySelectorAll(arguments[0])]"
                + ".map(e => arguments[1] ? e.getAttribute(arguments[1]) : e.textContent)", css, attribute);
    }

    private WebElement visible(String id) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(js, args);
    }

    private void screenshots(String page) throws IOException {
        Path dir = Path.of(System.getProperty("perpflow.dashboard.screenshots", "target/dashboard-screenshots"));
        Files.createDirectories(dir);
        WebDriver driver = driver();
        Dimension desktop = new Dimension(1280, 900);
        for (Dimension size : List.of(desktop, new Dimension(390, 844))) {
            driver.manage().window().setSize(size);
            script("window.scrollTo(0, 0)");
            // the chart redraws at the new width 150 ms after a resize: let it settle for the picture (not a check)
            ((JavascriptExecutor) driver).executeAsyncScript("setTimeout(arguments[arguments.length - 1], 400)");
            String width = size.equals(desktop) ? "desktop" : "phone";
            Files.write(dir.resolve(page + "-" + width + ".png"), browser.fullPageScreenshot(2400));
        }
        driver.manage().window().setSize(desktop);
    }

    private JsonNode api(String method, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("X-API-Key", KEY).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    @Order(1)
    void theRootRedirectsToThePageWhichIsServedWithItsSecurityHeadersAndNothingElseFromTheJar() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(base() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValue("/ui/");

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/ui/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'", "ws://127.0.0.1:" + wsPort)
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/ui/app.js\"></script>");

        HttpResponse<String> script = http.send(HttpRequest.newBuilder(URI.create(base() + "/ui/app.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/javascript"));
        String etag = script.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(base() + "/ui/app.js"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);

        JsonNode config = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base() + "/ui/config.json"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(config.get("ws_port").asInt()).isEqualTo(wsPort);
        assertThat(config.get("ws_path").asText()).isEqualTo("/ws/events");

        // only web/'s own files: no other class-path resource, no way out of the folder
        for (String target : List.of("/ui/logback.xml", "/ui/application.properties", "/ui/..%2fapplication.properties",
                "/ui/%2e%2e%2flogback.xml", "/ui/../logback.xml", "/ui/web/index.html", "/ui/INDEX.HTML",
                "/ui/db%2fmigration%2fV1__funding.sql", "/ui/nope.js")) {
            String answer = rawGet(target);
            assertThat(answer).as(target).doesNotStartWith("HTTP/1.1 200").doesNotContain("perpflow.")
                    .doesNotContain("<configuration");
        }
    }

    @Test
    @Order(2)
    void aWrongKeyShowsTheErrorAndKeepsNothing() {
        WebDriver driver = driver();
        driver.get(base() + "/");
        assertThat(driver.getCurrentUrl()).isEqualTo(base() + "/ui/");
        visible("api-key").sendKeys("perp_this-is-not-a-key-of-this-app-000000");
        driver.findElement(By.id("sign-in-button")).click();

        WebElement error = visible("sign-in-error");
        assertThat(error.getText()).contains("invalid API key");
        assertThat(driver.findElement(By.id("page-overview")).isDisplayed()).isFalse();
        assertThat(script("return sessionStorage.getItem('perpflow.apiKey')")).isNull();
        assertThat(driver.getCurrentUrl()).doesNotContain("perp_");
    }

    @Test
    @Order(3)
    void withTheKeyTheOverviewListsTheDevRunsAndLiveEventsArriveWithoutAReload() throws Exception {
        WebDriver driver = driver();
        driver.get(base() + "/ui/");
        WebElement key = visible("api-key");
        key.clear();
        key.sendKeys(KEY);
        driver.findElement(By.id("sign-in-button")).click();

        visible("page-overview");
        assertThat(driver.getCurrentUrl()).doesNotContain(KEY);
        assertThat(script("return sessionStorage.getItem('perpflow.apiKey')")).isEqualTo(KEY);
        waiting().until(d -> d.findElements(By.cssSelector("#running-runs tr[data-run]")).size() >= 2);
        assertThat(all("#running-runs tr[data-run]", "data-run")).contains("dev-grid", "dev-funding-arb");
        waiting().until(d -> d.findElements(By.cssSelector("#venues tbody tr")).size() >= 3);

        // a marker that a reload would wipe: the events must arrive over the feed, into this same page
        script("window.dashboardTestMarker = 'same page'");
        waiting().until(d -> "live".equals(d.findElement(By.id("feed-state")).getAttribute("data-state")));
        int before = driver.findElements(By.cssSelector("#events li")).size();
        waiting().until(d -> d.findElements(By.cssSelector("#events li")).size() > before);
        assertThat(script("return window.dashboardTestMarker")).isEqualTo("same page");
        assertThat(driver.findElement(By.cssSelector("#events li .type")).getText()).isNotBlank();
        screenshots("overview");
    }

    @Test
    @Order(4)
    void theFundingPageTablesTheRatesAndDrawsOneSymbolsHistoryPerVenue() throws Exception {
        WebDriver driver = driver();
        driver.findElement(By.cssSelector("#nav a[data-page=funding]")).click();
        visible("page-funding");
        waiting().until(d -> d.findElements(By.cssSelector("#funding-rates tbody tr td button")).size() > 0);
        waiting().until(d -> d.findElements(By.cssSelector("#funding-chart svg path.series")).size() >= 2);
        List<String> paths = all("#funding-chart svg path.series", "d");
        assertThat(paths).allSatisfy(d -> assertThat(d).matches("M[0-9.]+,[0-9.]+( L[0-9.]+,[0-9.]+)*"));
        assertThat(all("#funding-chart svg path.series", "data-series")).doesNotHaveDuplicates()
                .allSatisfy(venue -> assertThat(venue).startsWith("sim-")).hasSameSizeAs(paths);
        assertThat(all("#funding-chart .legend span", null)).hasSameSizeAs(paths);
        screenshots("funding");
    }

    @Test
    @Order(5)
    void theOpportunitiesPageFiltersAndSortsLikeTheApi() throws Exception {
        WebDriver driver = driver();
        driver.findElement(By.cssSelector("#nav a[data-page=opportunities]")).click();
        visible("page-opportunities");
        waiting().until(d -> d.findElements(By.cssSelector("#opportunities tbody tr td[data-label=APY\\ \\%]")).size()
                > 0);
        screenshots("opportunities");
        WebElement symbol = driver.findElement(By.cssSelector("#opportunity-filters input[name=symbol]"));
        symbol.sendKeys("BTC");
        driver.findElement(By.cssSelector("#opportunity-filters button[type=submit]")).click();
        waiting().until(d -> {
            List<String> symbols = all("#opportunities tbody td[data-label=Symbol]", null);
            return !symbols.isEmpty() && symbols.stream().allMatch("BTC"::equals);
        });
        symbol.clear();
        driver.findElement(By.cssSelector("#opportunity-filters input[name=limit]")).sendKeys("1000");
        driver.findElement(By.cssSelector("#opportunity-filters button[type=submit]")).click();
        // the API's own 400 is shown, not swallowed
        waiting().until(d -> d.findElement(By.id("error")).isDisplayed());
        assertThat(driver.findElement(By.id("error-text")).getText()).contains("limit");
        // Clear drops the filters and the error with them
        driver.findElement(By.cssSelector("#opportunity-filters button[type=reset]")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("error")));
        waiting().until(d -> all("#opportunities tbody td[data-label=Symbol]", null).stream().distinct().count() > 1);
    }

    @Test
    @Order(6)
    void aRunsPageShowsItsConfigStatusAndLogAndStopsAndStartsItAfterAConfirmation() throws Exception {
        WebDriver driver = driver();
        driver.get(base() + "/ui/#/run/dev-grid");
        visible("page-run");
        waiting().until(d -> d.findElement(By.id("run-config")).getText().contains("ticker: ETH"));
        waiting().until(d -> "running".equals(d.findElement(By.id("run-status")).getAttribute("data-status")));
        // the log tail is the API's: its last line, or the placeholder while the run has logged nothing
        waiting().until(d -> {
            try {
                JsonNode lines = api("GET", "/api/v1/strategies/dev-grid/logs?lines=100").get("lines");
                String shown = d.findElement(By.id("run-log")).getText();
                return lines.isEmpty() ? shown.equals("(no log lines yet)")
                        : shown.contains(lines.get(lines.size() - 1).asText().strip());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        screenshots("run");

        // stop and start again, each after its confirmation, through the same endpoints
        visible("run-stop").click();
        visible("confirm");
        assertThat(driver.findElement(By.id("confirm-title")).getText()).isEqualTo("Stop this run?");
        driver.findElement(By.id("confirm-ok")).click();
        waiting().until(d -> "stopped".equals(d.findElement(By.id("run-status")).getAttribute("data-status")));
        assertThat(api("GET", "/api/v1/strategies/dev-grid").get("status").asText()).isEqualTo("stopped");
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("run-start"))).click();
        visible("confirm");
        driver.findElement(By.id("confirm-ok")).click();
        waiting().until(d -> "running".equals(d.findElement(By.id("run-status")).getAttribute("data-status")));

        driver.get(base() + "/ui/#/run/dev-funding-arb");
        waiting().until(d -> d.findElement(By.id("run-config")).getText().contains("scan_exchanges"));
        // and it stays so: the grid's page, left meanwhile, writes nothing into it any more
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("run-stop-close")));
        assertThat(driver.findElement(By.id("run-config")).getText()).doesNotContain("ticker");
    }

    @Test
    @Order(7)
    void closingAPositionAsksAgainOnAWideSpreadAndResendsWithTheConfirmation() throws Exception {
        WebDriver driver = driver();
        driver.get(base() + "/ui/#/positions");
        visible("page-positions");
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d ->
                d.findElements(By.cssSelector("#positions button.close-position:enabled")).size() > 0);
        screenshots("positions");
        // the run's page lists a funding-arbitrage run's own event log too (it was a grid's only)
        assertThat(api("GET", "/api/v1/strategies/dev-funding-arb/events").get("events").findValuesAsText("type"))
                .contains("position_opened");
        // the sims' spreads are narrow: the first close answer is made a wide-spread warning in the page, then the
        // page's second request goes to the app as it is
        script("""
                window.closeBodies = [];
                const realFetch = window.fetch;
                window.fetch = (url, init) => {
                  if (String(url).endsWith('/close')) {
                    window.closeBodies.push(JSON.parse(init.body));
                    if (window.closeBodies.length === 1) {
                      return Promise.resolve(new Response(JSON.stringify({ success: false, wide_spread_warning: true,
                        spread_pct: 3.2, message: 'The spread is wide.' }), { status: 200 }));
                    }
                  }
                  return realFetch(url, init);
                };""");
        String positionId = driver.findElement(By.cssSelector("#positions tr[data-position]"))
                .getAttribute("data-position");
        driver.findElement(By.cssSelector("#positions tr[data-position] button.close-position")).click();
        visible("confirm");
        assertThat(driver.findElement(By.id("confirm-title")).getText()).startsWith("Close");
        driver.findElement(By.id("confirm-ok")).click();
        waiting().until(d -> d.findElement(By.id("confirm-title")).getText().equals("Wide spread")
                && d.findElement(By.id("confirm")).isDisplayed());
        assertThat(driver.findElement(By.id("confirm-text")).getText()).contains("3.20 %");
        driver.findElement(By.id("confirm-ok")).click();

        waiting().until(d -> d.findElement(By.id("notice")).isDisplayed()
                && d.findElement(By.id("notice")).getText().contains("closed"));
        assertThat(script("return JSON.stringify(window.closeBodies)").toString())
                .isEqualTo("[{\"order_type\":\"market\"},{\"order_type\":\"market\",\"confirm_wide_spread\":true}]");
        await().atMost(WAIT).untilAsserted(() -> assertThat(api("GET", "/api/v1/positions").get("positions")
                .findValuesAsText("id")).doesNotContain(positionId));
    }

    @Test
    @Order(8)
    void haltAsksForConfirmationThenHaltsAndResumeLiftsIt() throws Exception {
        WebDriver driver = driver();
        driver.get(base() + "/ui/#/overview");
        waiting().until(d -> d.findElement(By.id("trading-state")).getText().equals("ACTIVE"));
        visible("halt").click();
        visible("confirm");
        assertThat(driver.findElement(By.id("confirm-title")).getText()).isEqualTo("Halt trading?");
        driver.findElement(By.id("confirm-cancel")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm")));
        assertThat(api("GET", "/api/v1/status").get("trading_state").asText()).isEqualTo("ACTIVE");

        driver.findElement(By.id("halt")).click();
        visible("confirm");
        driver.findElement(By.id("confirm-ok")).click();
        waiting().until(d -> d.findElement(By.id("trading-state")).getText().equals("HALTED"));
        assertThat(api("GET", "/api/v1/status").get("trading_state").asText()).isEqualTo("HALTED");
        waiting().until(d -> d.findElements(By.cssSelector("#events li[data-type=halt]")).size() > 0);
        screenshots("halted");

        driver.findElement(By.id("resume")).click();
        visible("confirm");
        driver.findElement(By.id("confirm-ok")).click();
        waiting().until(d -> d.findElement(By.id("trading-state")).getText().equals("ACTIVE"));
        assertThat(api("GET", "/api/v1/status").get("trading_state").asText()).isEqualTo("ACTIVE");
    }

    /** One request with the target sent as given (the JDK's client would normalize {@code ..}); the answer's text. */
    private String rawGet(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @Order(9)
    void swaggerUiRendersEveryDocumentedOperationUnderItsPolicy() {
        driver().get(base() + "/api/v1/docs");

        waiting().until(d -> all(".opblock", null).size() >= 30);
        assertThat(all(".opblock-summary-path", "data-path")).contains("/api/v1/funding-rates",
                "/api/v1/strategies/{id}/stop", "/api/v1/halt");
        assertThat(all(".btn.authorize", null)).as("the API-key schemes offer Authorize").isNotEmpty();
        assertThat(driver().getCurrentUrl()).doesNotContain("key");
    }

}
