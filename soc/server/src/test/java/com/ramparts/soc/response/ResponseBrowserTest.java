package com.ramparts.soc.response;

import com.ramparts.soc.correlation.alert.AlertMessage;
import com.ramparts.soc.incident.IncidentFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real browser (Debian's chromium, headless) on the incident page: htmx swaps the confirmation into the page under
 * the dashboard's content security policy, and confirming isolates the site. Screenshot in target/screenshots.
 * Skipped with a message where chromium or chromedriver is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResponseBrowserTest extends ResponseTestContext {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;
    @TempDir
    Path profile;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--lang=en");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        browser.manage().window().setSize(new Dimension(1366, 1400));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theConfirmationAppearsInThePageAndConfirmingIsolatesTheSite() throws IOException {
        String siteId = "site-browser-" + System.nanoTime() % 100000;
        site(siteId, "it.browser@example.test");
        incidents.ingest(new AlertMessage(AlertMessage.SCHEMA, UUID.randomUUID().toString().replace("-", ""), "correlation",
                "ransomware-note", "1", "Ransom note written", "critical", 5, "sigma", List.of("T1486"), List.of("attack.impact"),
                Map.of(), siteId, "unit-r", List.of("e1"), 1, Instant.now().minusSeconds(60).toString(), Instant.now().toString(), 1,
                null, Instant.now().toString()));
        long id = incidents.list(new IncidentFilter(null, null, siteId, null, 0, 1)).items().getFirst().id();

        browser.get("http://127.0.0.1:" + port + "/incidents/" + id + "?lang=en");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("resp-analyst");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/incidents/" + id));
        String before = browser.getCurrentUrl();

        browser.findElement(By.xpath("//button[contains(., 'Isolate site " + siteId + "')]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#action-confirm .confirm-action")));
        assertThat(browser.getCurrentUrl()).as("htmx swapped the panel in; no navigation").isEqualTo(before);
        assertThat(browser.findElement(By.cssSelector("#action-confirm .confirm-what")).getText())
                .isEqualTo("Mark site " + siteId + " isolated in the site registry.");
        assertThat(sites.isolation(siteId)).isEmpty();
        screenshot("incident-response-confirm.png");

        browser.findElement(By.cssSelector("#action-confirm button.danger")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("site-isolated")));
        assertThat(browser.findElement(By.cssSelector("#response .notice")).getText()).isEqualTo("The response action was taken.");
        assertThat(sites.isolation(siteId)).isPresent();
        screenshot("incident-response-done.png");
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target/screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
