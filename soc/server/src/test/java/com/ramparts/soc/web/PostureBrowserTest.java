package com.ramparts.soc.web;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.posture.PostureSeed;
import com.ramparts.soc.posture.PostureSnapshots;
import com.ramparts.soc.posture.PostureStore;
import com.ramparts.soc.unit.UnitDirectory;
import com.ramparts.soc.unit.UnitStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The posture page in Debian's headless chromium (the same harness as {@link DashboardBrowserTest}): the district
 * chart drawn with data, a click on a district's bar drills down to its units, a unit's sites, the history trend,
 * the overview's posture tile, English and Vietnamese, a requester held to its unit, and no console errors.
 * Screenshots go to target/screenshots (and docs/img with {@code -Dramparts.screenshots.docs=true}).
 */
class PostureBrowserTest extends DashboardTestContext {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Path DOCS = Path.of("../../docs/img");

    @LocalServerPort
    int port;
    @TempDir
    Path profile;
    @Autowired
    PostureStore postureStore;
    @Autowired
    UnitStore unitStore;
    @Autowired
    UnitDirectory unitDirectory;
    @Autowired
    PostureSnapshots snapshots;
    @Autowired
    SocProperties properties;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowserWithPosture() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        PostureSeed.seed(postureStore, unitStore, unitDirectory, snapshots, properties, Instant.now());
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

    private void logIn(String user) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    @Test
    void anAnalystSeesTheCityByDistrictAndDrillsDownToAUnitsSites() throws IOException {
        logIn(DashboardFixtures.ANALYST);
        browser.get(url("/overview"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-backup")));
        assertThat(browser.findElement(By.id("tile-backup")).getText()).isEqualTo("50 %");

        browser.get(url("/posture"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mức độ an toàn");
        waitForChart("#district-chart");
        waitForChart("#history-chart");
        // monitored units: unit-a (ward-2 has no firewall log) and unit-b (no firewall; ward-new never backed up):
        // firewall 0 of 2, backup 1 of 2; a valid seal: unit-a of the 4 units
        assertThat(browser.findElement(By.id("city-firewall")).getText()).isEqualTo("0 %");
        assertThat(browser.findElement(By.id("city-backup")).getText()).isEqualTo("50 %");
        assertThat(browser.findElement(By.id("city-certificate")).getText()).isEqualTo("25 %");
        screenshot("posture.png");

        Object bars = ((JavascriptExecutor) browser).executeScript(
                "var c = echarts.getInstanceByDom(document.getElementById('district-chart'));"
                        + "return c.getOption().xAxis[0].data.length + ':' + c.getOption().series.length;");
        assertThat(bars).isEqualTo("2:4");
        // a real mouse click on district D-1's backup bar (ECharts draws on a canvas: ask it where the bar is)
        @SuppressWarnings("unchecked")
        List<Number> bar = (List<Number>) ((JavascriptExecutor) browser).executeScript(
                "var el = document.getElementById('district-chart'); var c = echarts.getInstanceByDom(el);"
                        + "var r = c.getModel().getSeriesByIndex(2).getData().getItemLayout(0);"
                        + "return [r.x + r.width / 2 - el.clientWidth / 2, r.y + r.height / 2 - el.clientHeight / 2];");
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(browser.findElement(By.id("district-chart")), bar.get(0).intValue(), bar.get(1).intValue())
                .click().perform();
        wait.until(ExpectedConditions.urlContains("district=D-1"));
        waitForChart("#unit-chart");
        assertThat(browser.findElement(By.id("unit-unit-a")).getText()).contains("Phường Bến Nghé");

        browser.findElement(By.cssSelector("#unit-unit-a a")).click();
        wait.until(ExpectedConditions.urlContains("unit=unit-a"));
        assertThat(browser.findElement(By.id("site-ward-1")).getText()).contains("Phường Bến Nghé");
        assertThat(browser.findElements(By.cssSelector("#site-table tbody tr"))).hasSize(2);
        waitForChart("#history-chart");
        browser.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Posture"));
        assertThat(browser.findElement(By.id("unit-score")).getText()).isNotEqualTo("—");
        screenshot("posture-unit.png");
        assertNoConsoleErrors();
    }

    @Test
    void aRequesterIsShownItsOwnUnitWhateverItAsksFor() {
        logIn(DashboardFixtures.REQUESTER_B);
        browser.get(url("/posture?unit=unit-a"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("site-table")));
        List<String> rows = browser.findElements(By.cssSelector("#site-table tbody tr")).stream().map(r -> r.getAttribute("id")).toList();
        assertThat(rows).containsExactly("site-district-9", "site-ward-new");
        assertThat(browser.findElements(By.id("district-chart"))).isEmpty();
        assertNoConsoleErrors();
    }

    private void assertNoConsoleErrors() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("console errors").isEmpty();
    }

    private void waitForChart(String selector) {
        wait.until(driver -> !driver.findElements(By.cssSelector(selector + "[data-rendered=true] canvas")).isEmpty());
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
