package io.throughline.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the browser tests, with its own throw-away profile, its console log kept, and screenshots saved
 * as test artifacts under {@code target/browser/}.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} ({@code apt-get install -y chromium chromium-driver}).
 * Without them {@link #start} skips the calling test class with a banner on stderr, unless
 * {@code THROUGHLINE_TEST_BROWSER_REQUIRED=true} (CI), where it fails. Selenium Manager is never used: the driver and the
 * browser are given explicitly.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    public static final Path ARTIFACTS = Paths.get("target", "browser");

    private final ChromeDriverService service;
    private final WebDriver driver;
    private final Path profile;

    private Browser(ChromeDriverService service, WebDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts the browser for {@code what} (named in the skip banner), or skips (or fails, in CI) when it is not installed.
     */
    public static Browser start(String what, int width, int height) throws IOException {
        List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(p -> !Files.isExecutable(p)).map(Path::toString).toList();
        if (!missing.isEmpty()) {
            String why = what + " needs a headless Chromium: " + String.join(" and ", missing)
                    + " not found. Install them with: apt-get install -y chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("THROUGHLINE_TEST_BROWSER_REQUIRED"))) {
                fail(why + " (THROUGHLINE_TEST_BROWSER_REQUIRED=true, so this is a failure, not a skip)");
            }
            System.err.println("""

                    ################################################################################
                    ##  SKIPPED: %s
                    ##  %s
                    ##  Set THROUGHLINE_TEST_BROWSER_REQUIRED=true to make this a failure (CI does).
                    ################################################################################
                    """.formatted(what, why));
            Assumptions.assumeTrue(false, why);
        }
        Path profile = Files.createTempDirectory("throughline-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-sync", "--disable-component-update", "--no-first-run",
                    "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            return new Browser(service, new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    public WebDriverWait waiting(Duration patience) {
        return new WebDriverWait(driver, patience);
    }

    /** The SEVERE entries of the browser's console since the last call (reading the log empties it). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** Saves what the window shows to {@code target/browser/<name>}; an artifact, never an assertion. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(ARTIFACTS);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, ARTIFACTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not save the screenshot " + name + ": " + e);
        }
    }

    /** Saves the page's HTML next to the screenshots, for when a wait times out. */
    public void pageSource(String name) {
        try {
            Files.createDirectories(ARTIFACTS);
            Files.writeString(ARTIFACTS.resolve(name), driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not save the page source " + name + ": " + e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try {
                service.stop();
            } finally {
                delete(profile);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
