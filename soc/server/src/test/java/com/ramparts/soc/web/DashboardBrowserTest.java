package com.ramparts.soc.web;

import com.ramparts.telemetry.event.TelemetryEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real browser (Debian's chromium, headless, through chromedriver) against the running soc: log in,
 * switch language, search the events the fixtures indexed into OpenSearch, open one; and the overview
 * with its charts drawn, and the phone-width menu. Screenshots go to target/screenshots (and docs/img with
 * {@code -Dramparts.screenshots.docs=true}). Skipped with a message where chromium or
 * chromedriver is not installed ({@code apt-get install chromium chromium-driver}).
 */
class DashboardBrowserTest extends DashboardTestContext {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Test artefacts; with -Dramparts.screenshots.docs=true also the documentation's pictures (docs/img). */
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Path DOCS = Path.of("../../docs/img");

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
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--lang=vi");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1366, 768));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAnalystLogsInSwitchesToEnglishSearchesAndOpensAnEvent() throws IOException {
        browser.get(url("/overview"));
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập");

        browser.findElement(By.id("username")).sendKeys(DashboardFixtures.ANALYST);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/overview"));
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();

        waitForChart("#rate-chart");
        waitForChart("#dataset-chart");
        screenshot("overview.png");

        browser.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Overview"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

        browser.findElement(By.linkText("Events")).click();
        wait.until(ExpectedConditions.urlContains("/events"));
        WebElement query = browser.findElement(By.id("q"));
        query.sendKeys("rule.name:\"ET SCAN Nmap\"");
        browser.findElement(By.id("search-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#histogram-heading"), "12 events"));
        List<WebElement> rows = browser.findElements(By.cssSelector("table.events-table tbody tr"));
        assertThat(rows).hasSize(12);
        waitForChart(".chart[data-chart]");

        TelemetryEvent newest = DashboardFixtures.eventsOf("unit-a").stream()
                .filter(e -> e.fields().string(com.ramparts.telemetry.event.Ecs.RULE_NAME).orElse("").equals("ET SCAN Nmap"))
                .max(java.util.Comparator.comparing(TelemetryEvent::timestamp)).orElseThrow();
        rows.getFirst().findElement(By.cssSelector("a.event-link")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#document pre.json"), newest.id().toString()));
        assertThat(browser.getCurrentUrl()).as("htmx loads the document in place").contains("/events?");
        browser.manage().window().setSize(new Dimension(1366, 1500)); // the whole page, document panel included
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("events.png");
        browser.manage().window().setSize(new Dimension(1366, 768));

        browser.findElement(By.id("q")).clear();
        browser.findElement(By.id("q")).sendKeys("secret.field:1");
        browser.findElement(By.id("search-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-error")));
        assertThat(browser.findElement(By.id("search-error")).getText()).contains("There is no field secret.field");

        browser.manage().window().setSize(new Dimension(390, 844)); // a phone: the navigation folds behind the menu button
        WebElement menu = browser.findElement(By.cssSelector("button.menu-toggle"));
        wait.until(ExpectedConditions.visibilityOf(menu));
        assertThat(browser.findElement(By.id("site-nav")).isDisplayed()).isFalse();
        menu.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("site-nav")));
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");

        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                // the refused search is answered 400 on purpose; Chrome reports every 4xx page load
                .filter(entry -> !entry.getMessage().contains("status of 400"))
                .toList();
        assertThat(errors).as("console errors").isEmpty();
    }

    private void waitForChart(String selector) {
        wait.until(driver -> !driver.findElements(By.cssSelector(selector + " canvas")).isEmpty());
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOTS);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("ramparts.screenshots.docs")) {
            Files.copy(shot.toPath(), DOCS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
