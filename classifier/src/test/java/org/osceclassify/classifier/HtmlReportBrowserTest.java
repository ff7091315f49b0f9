package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The HTML report in a real browser: Debian's headless Chromium, driven by Selenium through chromium-driver,
 * opens a generated report from disk. Skipped, saying so, when chromium or chromedriver is not installed
 * ({@code apt-get install -y chromium chromium-driver}; {@code .ci/run} installs them, so CI runs it).
 */
class HtmlReportBrowserTest {

    @TempDir
    static Path dir;
    private static ChromeDriver browser;
    private static final String NOT_INSTALLED = "HtmlReportBrowserTest skipped: it needs Debian's chromium and "
            + "chromedriver on the PATH (apt-get install -y chromium chromium-driver)";
    /** Held, so that its level stays: Selenium's note that it has no DevTools of this Chromium's version. */
    private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

    @BeforeAll
    static void openTheReport() throws IOException {
        Optional<Path> chromium = ReadmeMavenSnippetTest.onPath("chromium", "chromium-browser");
        Optional<Path> driver = ReadmeMavenSnippetTest.onPath("chromedriver");
        if (chromium.isEmpty() || driver.isEmpty()) {
            System.err.println(NOT_INSTALLED);
            return; // each test is then skipped with the message
        }
        SELENIUM.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        EvaluationReports.write(HtmlReportTest.sample(), dir.resolve("report"));
        browser.get(dir.resolve("report").resolve(EvaluationReports.HTML).toUri().toString());
    }

    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(browser != null, NOT_INSTALLED);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theFullLongSourceNameIsVisibleInsideItsChart() {
        WebElement svg = browser.findElement(By.id("sources-f1"));
        WebElement label = svg.findElement(By.xpath(
                ".//*[local-name()='text'][text()='" + HtmlReportTest.LONG + "']"));
        assertTrue(label.isDisplayed());
        @SuppressWarnings("unchecked")
        Map<String, Number> box = (Map<String, Number>) ((JavascriptExecutor) browser).executeScript(
                "var l = arguments[0].getBoundingClientRect(), s = arguments[1].getBoundingClientRect();"
                        + "return {left: l.left - s.left, right: s.right - l.right};", label, svg);
        assertTrue(box.get("left").doubleValue() >= 0, "the name starts inside its chart: " + box);
        assertTrue(box.get("right").doubleValue() >= 0, "the name ends inside its chart: " + box);
    }

    @Test
    void clickingAColumnHeaderSortsTheTable() {
        WebElement table = browser.findElement(By.id("fields-table"));
        assertEquals(List.of("Elections", "Policing"), firstColumn(table), "best supported first, as written");
        WebElement f1 = table.findElement(By.xpath(".//thead//th[text()='F1']"));
        f1.click();
        assertEquals(List.of("Policing", "Elections"), firstColumn(table), "ascending F1");
        assertEquals("ascending", f1.getAttribute("aria-sort"));
        f1.click();
        assertEquals(List.of("Elections", "Policing"), firstColumn(table), "descending F1");

        WebElement errors = browser.findElement(By.id("worst-errors"));
        errors.findElement(By.xpath(".//thead//th[text()='document']")).click();
        assertEquals(List.of("item-3", "item-7"), firstColumn(errors));
    }

    @Test
    void thePageLogsNoConsoleErrors() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
        assertEquals(List.of(), errors);
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript(
                "return document.querySelectorAll('table.sortable th[title]').length > 0"),
                "the inline script ran");
    }

    private static List<String> firstColumn(WebElement table) {
        return table.findElements(By.cssSelector("tbody tr td:first-child")).stream().map(WebElement::getText)
                .toList();
    }
}
