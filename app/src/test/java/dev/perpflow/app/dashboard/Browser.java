package dev.perpflow.app.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the dashboard tests: Debian's {@code chromium} and {@code chromedriver} (installed by
 * {@code .ci/run}), named explicitly so Selenium Manager never looks for a browser or driver on the internet. Tests
 * are skipped when they are missing, unless {@code PERPFLOW_REQUIRE_BROWSER} is set (CI sets it), where that fails.
 */
record Browser(ChromeDriver driver, Path profile) implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PERPFLOW_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("PERPFLOW_CHROMEDRIVER",
            "/usr/bin/chromedriver"));

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Skips the calling test without a browser, or fails it when one is required. */
    static void assumeAvailable() {
        boolean required = System.getenv("PERPFLOW_REQUIRE_BROWSER") != null
                && !System.getenv("PERPFLOW_REQUIRE_BROWSER").isBlank();
        if (required && !installed()) {
            throw new AssertionError("PERPFLOW_REQUIRE_BROWSER is set but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install -y chromium chromium-driver (.ci/run does it)");
        }
        Assumptions.assumeTrue(installed(), "no " + CHROMIUM + " / " + CHROMEDRIVER
                + ": browser tests skipped (apt-get install -y chromium chromium-driver, or set PERPFLOW_REQUIRE_BROWSER"
                + " to make this a failure)");
    }

    static Browser start() {
        // Selenium Manager would otherwise try to resolve (and download) a browser and driver
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("perpflow-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--hide-scrollbars", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--user-data-dir=" + profile, "--lang=en-US");
        // the page's console, read by errorsInConsole()
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    /** A PNG of the whole page (not only the window), at most {@code maxHeight} CSS pixels tall. */
    byte[] fullPageScreenshot(int maxHeight) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<?, ?> size = (Map<?, ?>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), maxHeight);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    /**
     * What the page logged as an error since the last call: script errors, Content-Security-Policy refusals, failed
     * modules. A request the API answered with an error status is logged by the browser too; those are the tests' own
     * doing (a wrong key, a bad filter) and are left out.
     */
    List<String> errorsInConsole() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("the server responded with a status of"))
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
