package org.supportintake.server.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Headless Debian Chromium driven by its chromedriver, with a fresh profile and no background
 * networking (this machine reaches no outside host). Skipped, loudly, when Chromium is not installed
 * and CI is not set; CI installs it (.ci/run).
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static final int DESKTOP = 1280;
    static final int PHONE = 390;

    private static final ObjectMapper JSON = new ObjectMapper();

    final ChromeDriver driver;
    private final Path profile;
    /** The request id of the last document seen in the network events, which are read once. */
    private String lastDocument;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("Chromium and chromedriver are required in CI: apt-get install chromium chromium-driver");
            }
            System.err.println("\n!!! Browser tests SKIPPED: install chromium and chromium-driver (apt-get) to run them.\n");
            Assumptions.abort("Chromium not installed");
        }
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-quic", "--disable-sync", "--user-data-dir=" + profile, "--lang=ru");
        // The network events name each page's response, so that its body can be read as the server sent it.
        options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(DESKTOP, 900));
        Browser browser = new Browser(driver, profile);
        browser.viewport(DESKTOP);
        return browser;
    }

    /**
     * The HTML of the page now as the server sent it (not the DOM that scripts changed since), from the network events
     * of the last document the browser received.
     */
    @SuppressWarnings("unchecked")
    String servedHtml() throws IOException {
        String requestId = null;
        for (LogEntry entry : driver.manage().logs().get("performance")) {
            Map<String, Object> message = (Map<String, Object>) JSON.readValue(entry.getMessage(), Map.class).get("message");
            Map<String, Object> params = (Map<String, Object>) message.get("params");
            if ("Network.responseReceived".equals(message.get("method")) && "Document".equals(params.get("type"))) {
                requestId = (String) params.get("requestId");
            }
        }
        if (requestId == null) {
            requestId = lastDocument;
        }
        lastDocument = requestId;
        if (requestId == null) {
            throw new IllegalStateException("no document received yet");
        }
        Map<String, Object> body = driver.executeCdpCommand("Network.getResponseBody", Map.of("requestId", requestId));
        return Boolean.TRUE.equals(body.get("base64Encoded"))
                ? new String(Base64.getDecoder().decode((String) body.get("body")), StandardCharsets.UTF_8)
                : (String) body.get("body");
    }

    /** Saves the whole page as it looks now (not only the viewport) under target/screenshots. */
    @SuppressWarnings("unchecked")
    Path screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Path file = dir.resolve(name + ".png");
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", ((Number) size.get("width")).doubleValue(), "height", ((Number) size.get("height")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }

    /** Lays the page out for a viewport {@code width} CSS pixels wide, as on a desktop or a phone. */
    void viewport(int width) {
        // No classic scrollbar: a phone has none, and a full-page capture would otherwise be cut by its width.
        driver.executeCdpCommand("Emulation.setScrollbarsHidden", Map.of("hidden", true));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", width < 600 ? 844 : 900, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Saves only what is in the viewport now: what the citizen sees without scrolling. */
    Path viewportScreenshot(String name) throws IOException {
        Path file = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        return file;
    }

    void phoneSized() {
        viewport(PHONE);
    }

    /** Windows' high-contrast themes: Chromium's forced-colours mode. */
    void forcedColours(boolean active) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "forced-colors", "value", active ? "active" : "none"))));
    }

    /** Lays the page out as it prints (CSS {@code @media print}), or back as on screen. */
    void printed(boolean printed) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", printed ? "print" : ""));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
