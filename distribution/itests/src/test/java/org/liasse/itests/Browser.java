package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code /usr/bin/chromium} driven by {@code /usr/bin/chromedriver}, nothing
 * downloaded) with its own profile, hence its own cookies: a fresh browser is a fresh session. Page-object helpers
 * for the Liasse pages: readiness, forms, live regions, an axe-core scan and screenshots.
 */
public final class Browser implements AutoCloseable {

    /** Where the screenshots go, one PNG per page visited. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AXE_SOURCE = axeSource();

    private final String base;
    private final Path profile;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    /** Starts a browser on a new, empty profile; {@code base} is the server address, e.g. {@code http://localhost:8181}. */
    public Browser(String base) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("liasse-chromium-");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-default-apps", "--disable-extensions", "--lang=fr-FR", "--window-size=1280,1400",
            "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        // Every wait looks its elements up afresh; a page replaced between lookup and read is simply polled again.
        this.wait = new WebDriverWait(driver, TIMEOUT);
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Opens a page of the server and waits until its script has shown its first data. */
    public Browser open(String path) {
        return go(path).ready();
    }

    /** Goes to an address without waiting for its page: for one that leaves at once for another (see {@link #awaitPage}). */
    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** Waits until the current page has loaded its data (its body carries {@code data-pret}). */
    public Browser ready() {
        wait.until(d -> "oui".equals(d.findElement(By.tagName("body")).getDomAttribute("data-pret")));
        return this;
    }

    /** Waits until the address path ends with the given text, then until the page is ready. */
    public Browser awaitPage(String pathEnd) {
        wait.until(d -> {
            String url = d.getCurrentUrl();
            return url != null && url.split("\\?")[0].endsWith(pathEnd);
        });
        return ready();
    }

    /** Signs in on the login page, then waits for the page the account lands on. */
    public Browser signIn(String login, String password, String landing) {
        open("/connexion.html").fill("login", login).fill("password", password).submit("connexion");
        return awaitPage(landing);
    }

    /** The path and query of the current address. */
    public String location() {
        return (String) driver.executeScript("return location.pathname + location.search;");
    }

    public String title() {
        return driver.getTitle();
    }

    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Types into a field after clearing it. */
    public Browser fill(String id, String text) {
        WebElement field = byId(id);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Picks an option of a select by its value, once the options are there. */
    public Browser choose(String id, String value) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " option[value='" + value + "']")));
        new Select(byId(id)).selectByValue(value);
        return this;
    }

    /** Submits the form with this id with its submit button, as a keyboard user would (Enter on the button). */
    public Browser submit(String formId) {
        find("#" + formId + " button[type=submit]").click();
        return this;
    }

    /** Waits until a live region shows a message of the given kind ("erreur", "succes" or "info"), and returns its text. */
    public String message(String regionId, String kind) {
        WebElement region = byId(regionId);
        wait.until(d -> region.getDomAttribute("class").contains("message-" + kind) && !region.getText().isBlank());
        assertTrue(region.getDomAttribute("aria-live") != null, regionId + " is a live region");
        return region.getText();
    }

    /** The message tied to an invalid field through aria-describedby, once the field is marked invalid. */
    public String fieldError(String fieldId) {
        WebElement field = byId(fieldId);
        wait.until(d -> "true".equals(field.getDomAttribute("aria-invalid")));
        String describedBy = field.getDomAttribute("aria-describedby");
        assertTrue(describedBy != null && List.of(describedBy.split(" ")).contains(fieldId + "-erreur"), describedBy);
        return byId(fieldId + "-erreur").getText();
    }

    /** Waits for a condition on the page. */
    public <T> T until(Function<ChromeDriver, T> condition) {
        return wait.until(d -> condition.apply(driver));
    }

    /** Reloads the page and waits until it is ready. */
    public Browser reload() {
        driver.navigate().refresh();
        return ready();
    }

    /**
     * Runs axe-core on the current page and fails on any violation of impact serious or critical; then takes a
     * screenshot named after the page.
     */
    public Browser checkPage(String name) {
        driver.executeScript(AXE_SOURCE);
        Object result = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
            + "axe.run(document, { resultTypes: ['violations'] })"
            + ".then(r => done(JSON.stringify(r.violations))).catch(e => done('ERREUR ' + e));");
        String text = String.valueOf(result);
        assertTrue(text.startsWith("["), text);
        List<String> failures = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(text)) {
                String impact = violation.path("impact").asText();
                if ("serious".equals(impact) || "critical".equals(impact)) {
                    List<String> targets = new ArrayList<>();
                    violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
                    failures.add(impact + " " + violation.path("id").asText() + ": " + violation.path("help").asText()
                        + " " + targets);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), failures, "axe-core on " + location());
        return screenshot(name);
    }

    /** Saves a screenshot of the viewport under {@link #SCREENSHOTS}. */
    public Browser screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Saves a screenshot of the first element matching {@code css} as the PNG {@code target} (e.g. an illustration of
     * the help pages), once it is displayed.
     */
    public Browser capture(String css, Path target) {
        WebElement element = until(d -> {
            WebElement found = find(css);
            return found.isDisplayed() ? found : null;
        });
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, element.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Checks reflow at 200 % zoom: with a viewport of 640 CSS pixels (1280 at 200 %) the document needs no horizontal
     * scrolling (wide tables scroll inside their own region). Takes a screenshot, then restores the window.
     */
    public Browser checkReflow(String name) {
        return checkWidth(name, 640);
    }

    /**
     * Checks the page at a viewport of the given width in CSS pixels (320: a phone, WCAG 1.4.10; 1366: a common
     * laptop): the document needs no horizontal scrolling. Takes a screenshot, then restores the window.
     */
    public Browser checkWidth(String name, int width) {
        return atWidth(width, () -> {
            screenshot(name);
            Number overflow = (Number) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(overflow.intValue() <= 0, "horizontal scrolling of " + overflow + " px at " + width + " px on " + location());
        });
    }

    /**
     * Runs checks with a viewport of the given width in CSS pixels (emulated through the DevTools protocol, since a
     * window cannot be made as narrow as a phone), then restores the window's own viewport.
     */
    public Browser atWidth(int width, Runnable checks) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
            Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        try {
            wait.until(d -> viewportWidth() == width);
            checks.run();
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        return this;
    }

    private int viewportWidth() {
        return ((Number) driver.executeScript("return window.innerWidth;")).intValue();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String axeSource() {
        ClassLoader loader = Browser.class.getClassLoader();
        Properties webjar = new Properties();
        try (InputStream in = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            webjar.load(in);
            try (InputStream axe = loader.getResourceAsStream(
                "META-INF/resources/webjars/axe-core/" + webjar.getProperty("version") + "/axe.min.js")) {
                return new String(axe.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
