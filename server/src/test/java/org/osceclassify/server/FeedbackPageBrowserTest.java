package org.osceclassify.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.ReadOptions;

/**
 * The page's corrections in headless Chromium, against a server with {@code --feedback} and a review queue: an
 * analyst classifies a statement, ticks and unticks fields, chooses the source, gives the token once and saves;
 * the correction is in the corrections file. Skipped like {@link WebPageBrowserTest} without chromium.
 */
@Timeout(120)
class FeedbackPageBrowserTest {

    private static final String NOT_INSTALLED = "FeedbackPageBrowserTest skipped: it needs Debian's chromium and "
            + "chromedriver on the PATH (apt-get install -y chromium chromium-driver)";
    private static TestServer served;
    private static ChromeDriver browser;
    private static Path corrections;

    @BeforeAll
    static void openThePage() throws Exception {
        Optional<Path> chromium = WebPageBrowserTest.onPath("chromium", "chromium-browser");
        Optional<Path> driver = WebPageBrowserTest.onPath("chromedriver");
        if (chromium.isEmpty() || driver.isEmpty()) {
            System.err.println(NOT_INSTALLED);
            return;
        }
        corrections = Files.createTempDirectory(TestModels.tempDir(), "feedback").resolve("corrections.csv");
        served = new TestServer(ServerSettings.defaults(TestModels.seedModel())
                .withFeedback(FeedbackSettings.to(corrections, Optional.of("analyst"))
                        .withReview(TestModels.ROOT.resolve("seeds/pages"))));
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createDirectories(TestModels.tempDir().resolve("feedback-profile")));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
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
    void anAnalystCorrectsTheLabelsAndSavesWithTheTokenAskedOnce() {
        Assumptions.assumeTrue(browser != null, NOT_INSTALLED);
        browser.get(served.uri("/").toString());
        waitUntil(() -> !browser.findElement(By.id("model")).getText().startsWith("Loading"), "the model described");
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id("statement")),
                ClassifyApiTest.POLICING);
        browser.findElement(By.id("classify")).click();
        waitUntil(() -> browser.findElement(By.id("status")).getText().equals("Classified."), "classified");
        assertTrue(browser.findElement(By.id("correct")).isDisplayed(), "the correction form is shown");
        WebElement policing = check("Policing");
        assertTrue(policing.isSelected(), "the predicted field is ticked");
        policing.click();                                   // untick
        check("Gender equality").click();                  // tick
        browser.findElement(By.id("correct-source")).findElements(By.tagName("option")).stream()
                .filter(o -> o.getText().equals("OSCE Mission to Serbia")).findFirst().orElseThrow().click();
        browser.findElement(By.id("token")).sendKeys("analyst");
        browser.findElement(By.id("save")).click();
        waitUntil(() -> browser.findElement(By.id("save-status")).getText().startsWith("Saved (fb-"), "saved");
        assertFalse(browser.findElement(By.id("token-box")).isDisplayed(), "the token is not asked again");

        check("Policing").click();                          // tick again, and save without giving the token
        browser.findElement(By.id("save")).click();
        waitUntil(() -> Corpora.open(corrections).stream().count() == 2, "the second correction written");
        List<OsceDocument> rows = Corpora.open(corrections).stream().toList();
        assertEquals(List.of("Gender equality"), rows.get(0).labels().fields());
        assertEquals(List.of("OSCE Mission to Serbia"), rows.get(0).labels().sources());
        assertEquals(ClassifyApiTest.POLICING, rows.get(0).body());
        List<OsceDocument> last = Corpora.readCorrections(corrections, ReadOptions.defaults());
        assertEquals(1, last.size(), "the same statement: the second correction supersedes the first");
        assertTrue(last.get(0).labels().fields().containsAll(List.of("Policing", "Gender equality")));
    }

    @Test
    void theReviewQueueOpensAStatementToCorrect() {
        Assumptions.assumeTrue(browser != null, NOT_INSTALLED);
        browser.get(served.uri("/").toString());
        waitUntil(() -> !browser.findElements(By.cssSelector("#review-list button")).isEmpty(), "the queue shown");
        browser.findElement(By.cssSelector("#review-list button")).click();
        waitUntil(() -> browser.findElement(By.id("status")).getText().equals("Classified."), "classified");
        assertTrue(browser.findElement(By.id("statement")).getAttribute("value").length() > 100);
        assertTrue(browser.findElement(By.id("correct")).isDisplayed());
    }

    private static WebElement check(String label) {
        return browser.findElements(By.cssSelector("#correct-fields input")).stream()
                .filter(c -> label.equals(c.getAttribute("value"))).findFirst()
                .orElseThrow(() -> new AssertionError("no checkbox for " + label));
    }

    private static void waitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("timed out waiting for: " + what + " (status: "
                + browser.findElement(By.id("save-status")).getText() + ")");
    }
}
