package io.omnipulse.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium, headless, driven through its chromedriver: Debian's packages, which
 * {@code ./omnipulse install-browser} installs ({@code omnipulse.browser} and {@code omnipulse.chromedriver} name
 * others). Selenium is given both paths, so it never tries to download a browser or a driver. Pages are
 * 1280x800, the smallest screen the console is made for; screenshots go to {@code target/screenshots}.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final Path profile;

    private ConsoleBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static ConsoleBrowser start() throws IOException {
        Path browser = Path.of(System.getProperty("omnipulse.browser", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("omnipulse.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(browser) || !Files.isExecutable(chromedriver)) {
            throw new IllegalStateException("the console's browser test needs Chromium and its driver at " + browser
                    + " and " + chromedriver + ": run ./omnipulse install-browser first, which installs Debian's "
                    + "chromium and chromium-driver packages");
        }
        Path profile = Files.createTempDirectory("omnipulse-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(browser.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,800", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        return new ConsoleBrowser(new ChromeDriver(service, options), profile);
    }

    void open(String url) {
        driver.get(url);
    }

    /** Waits until an element is visible and returns it. */
    WebElement await(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until an element's text contains {@code text}. */
    void awaitText(By locator, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    WebElement find(By locator) {
        return driver.findElement(locator);
    }

    Object script(String javascript) {
        return driver.executeScript(javascript);
    }

    /** The Tab key, as a keyboard user moves through the page. */
    void pressTab() {
        new Actions(driver).sendKeys(Keys.TAB).perform();
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A PNG of the viewport as the person sees it, kept as a test artefact. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary profile left behind is harmless.
        }
    }
}
