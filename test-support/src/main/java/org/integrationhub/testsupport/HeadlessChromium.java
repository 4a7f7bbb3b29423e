package org.integrationhub.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium through its chromedriver (Selenium), for the browser tests: the
 * browser's console log is collected, screenshots go to a directory of test artifacts. When
 * {@code chromium} or {@code chromedriver} is missing, {@link #startOrSkip} aborts the test and
 * says so on the console ({@code apt-get install -y chromium chromium-driver}; {@code .ci/run} does).
 * Needs {@code selenium-chrome-driver} on the test's classpath (an optional dependency here).
 */
public final class HeadlessChromium implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path screenshots;

    private HeadlessChromium(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** A started browser, or the calling test skipped with a message naming what is missing. */
    public static HeadlessChromium startOrSkip(String test, Path screenshots) {
        Path chromium = installed("CHROMIUM_PATH", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path chromedriver = installed("CHROMEDRIVER_PATH", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        if (chromium == null || chromedriver == null) {
            String message = "SKIPPED " + test + ": Chromium or chromedriver is not installed "
                    + "(apt-get install -y chromium chromium-driver; .ci/run does this)";
            System.out.println(message);
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1300");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
        return new HeadlessChromium(new ChromeDriver(service, options), screenshots);
    }

    private static Path installed(String environmentVariable, String... candidates) {
        String configured = System.getenv(environmentVariable);
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Path.of(configured);
        }
        return Arrays.stream(candidates).map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Saves what the browser shows as {@code <name>.png} in the screenshot directory. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            return Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Console entries at WARNING or above since the last call (a CSP violation is one). */
    public List<LogEntry> consoleWarningsAndErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
