package org.osceclassify.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

/**
 * The web page in headless Chromium (Debian's chromium and chromium-driver, through Selenium): paste the seed page,
 * press Classify, see its source and field; a pasted script never runs, highlighted words included. Skipped,
 * saying so, without chromium and chromedriver ({@code .ci/run} installs them).
 */
@Timeout(120)
class WebPageBrowserTest {

    private static final String NOT_INSTALLED = "WebPageBrowserTest skipped: it needs Debian's chromium and "
            + "chromedriver on the PATH (apt-get install -y chromium chromium-driver)";
    private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");
    private static TestServer served;
    private static ChromeDriver browser;

    @BeforeAll
    static void openThePage() throws Exception {
        Optional<Path> chromium = onPath("chromium", "chromium-browser");
        Optional<Path> driver = onPath("chromedriver");
        if (chromium.isEmpty() || driver.isEmpty()) {
            System.err.println(NOT_INSTALLED);
            return;
        }
        served = TestServer.serving(TestModels.seedModel());
        SELENIUM.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createDirectories(TestModels.tempDir().resolve("profile")));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(browser != null, NOT_INSTALLED);
        browser.get(served.uri("/").toString());
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (served != null) {
            served.close();
        }
    }

    @Test
    void pastingTheSeedPageAndPressingClassifyShowsItsSourceAndField() {
        paste(TestModels.seedPage());
        browser.findElement(By.xpath("//button[text()='Classify']")).click();
        waitFor("Classified.");
        String sources = browser.findElement(By.id("sources")).getText();
        String fields = browser.findElement(By.id("fields")).getText();
        assertTrue(sources.startsWith("Minsk Group"), sources);
        assertTrue(fields.contains("Conflict prevention and resolution"), fields);
        assertTrue(browser.findElements(By.cssSelector("#fields .threshold")).size() > 0, "thresholds are marked");
        assertTrue(browser.findElements(By.cssSelector("#text-view mark")).size() > 0, "words are highlighted");
    }

    @Test
    void theControlsAreLabelledAndWorkByKeyboard() {
        WebElement area = browser.findElement(By.id("statement"));
        assertEquals("statement", browser.findElement(By.cssSelector("label[for=statement]")).getAttribute("for"));
        area.sendKeys("The OSCE Mission to Serbia trained police officers in community policing.");
        area.sendKeys(Keys.TAB);   // to the Classify button
        assertEquals("Classify", browser.switchTo().activeElement().getText());
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitFor("Classified.");
        assertTrue(browser.findElement(By.id("fields")).getText().contains("Policing"));
    }

    @Test
    void aPastedScriptIsShownAsTextAndNeverRuns() {
        String attack = "Police <img src=x onerror=\"window.pwned=1\"> officers <script>window.pwned=2</script> "
                + "trained in policing <b onmouseover=\"window.pwned=3\">police</b>";
        paste(attack);
        browser.findElement(By.id("classify")).click();
        waitFor("Classified.");
        JavascriptExecutor js = browser;
        assertEquals(null, js.executeScript("return window.pwned === undefined ? null : window.pwned"));
        assertEquals(0L, js.executeScript("return document.querySelectorAll('#result img, #result script, #result b')"
                + ".length"));
        assertTrue(browser.findElement(By.id("text-view")).getText().contains("<img src=x onerror="));
        HttpResponse<String> page = served.get("/");
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("script-src 'self' 'unsafe-inline'"),
                policy);
        List<?> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertEquals(List.of(), errors);
    }

    private static void paste(String text) {
        // Set as a user's paste does, in one go (sendKeys of a long page is slow, and types newlines as Enter).
        WebElement area = browser.findElement(By.id("statement"));
        browser.executeScript("arguments[0].value = arguments[1];", area, text);
    }

    private static void waitFor(String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        WebElement shown = browser.findElement(By.id("status"));
        while (System.nanoTime() < deadline && !shown.getText().equals(status)
                && !"error".equals(shown.getAttribute("class"))) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertEquals(status, browser.findElement(By.id("status")).getText());
    }

    static Optional<Path> onPath(String... names) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(folder -> Stream.of(names).map(name -> Path.of(folder, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
