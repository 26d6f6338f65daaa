package org.opensourceecology.incubator.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test class, driven through the machine's {@code /usr/bin/chromedriver}
 * (never a downloaded driver or browser). Tests are skipped only when {@code /usr/bin/chromium} is
 * absent. A failed test leaves a screenshot and the page source in {@code target/browser-failures/}.
 *
 * <p>Register it with {@code @RegisterExtension static Browser browser = new Browser();}.
 */
public class Browser implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path FAILURES = Path.of("target", "browser-failures");
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    /** {@code -Dbrowser.docs=true} also copies the screenshots of the main pages to {@code docs/}. */
    static final boolean UPDATE_DOCS = Boolean.getBoolean("browser.docs");

    static final Duration WAIT = Duration.ofSeconds(30);

    private WebDriver driver;
    private Path profile;
    private String baseUrl;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " on this machine");
        profile = Files.createTempDirectory("incubator-chromium-");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                // offline by design: any host but this machine fails at once instead of waiting on DNS
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(profile);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(FAILURES);
            Files.copy(
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    FAILURES.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(
                    FAILURES.resolve(name + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(),
                    StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {}

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {}

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {}

    // ---- what tests use -------------------------------------------------------------------------

    public Browser at(int port) {
        return at("http://localhost:" + port);
    }

    /** E.g. {@code http://127.0.0.1:<port>}, the loopback address Keycloak's realm redirects to on any port. */
    public Browser at(String baseUrl) {
        this.baseUrl = baseUrl;
        return this;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    public WebElement visible(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement clickable(By by) {
        return waiting().until(ExpectedConditions.elementToBeClickable(by));
    }

    public void click(By by) {
        WebElement element = clickable(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        try {
            element.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException e) {
            // Camunda's fixed banners may overlap the element; the user would scroll, the test clicks it directly
            ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
        }
    }

    /** Logs in on the portal's {@code /login} page; the session also serves Tasklist. */
    public void logIn(String user, String password) {
        logOut();
        open("/login");
        visible(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Forgets the session, as a different person at the same computer would start. */
    public void logOut() {
        if (baseUrl != null && driver.getCurrentUrl().startsWith(baseUrl)) {
            driver.manage().deleteAllCookies();
        } else {
            open("/");
            driver.manage().deleteAllCookies();
        }
    }

    /** Saves a screenshot of the current page as target/browser-screenshots/NAME.png (and docs/ on request). */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        if (UPDATE_DOCS) {
            Files.createDirectories(Path.of("docs"));
            Files.copy(target, Path.of("docs", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // ---- Tasklist and its Camunda Forms (form-js) -----------------------------------------------

    /** Opens a task in Tasklist and waits until its Camunda Form is rendered. */
    public void openTask(String taskId) {
        open("/camunda/app/tasklist/default/#/?task=" + taskId);
        visible(By.cssSelector(".fjs-form"));
    }

    /** The input, textarea or select of a form-js field, found by its label. */
    public WebElement field(String label) {
        WebElement labelElement =
                visible(By.xpath("//label[contains(@class,'fjs-form-field-label')][starts-with(normalize-space(.),"
                        + xpathLiteral(label) + ")]"));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    public void type(String label, String text) {
        WebElement input = field(label);
        input.clear();
        input.sendKeys(text);
    }

    /** Picks the radio option with this label. */
    public void choose(String optionLabel) {
        click(By.xpath("//label[normalize-space(.)=" + xpathLiteral(optionLabel) + "]"));
    }

    /** Tasklist's button (Complete, Claim, Start) by its text. */
    public void pressButton(String text) {
        click(By.xpath(
                "//*[self::button or self::a][normalize-space(.)=" + xpathLiteral(text) + " and not(@disabled)]"));
    }

    static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }
}
