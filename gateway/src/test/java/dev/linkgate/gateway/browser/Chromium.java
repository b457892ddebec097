package dev.linkgate.gateway.browser;

import dev.linkgate.gateway.testing.Executables;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver, both found on PATH (or named by
 * LINKGATE_CHROMIUM and LINKGATE_CHROMEDRIVER). Both paths are given to Selenium explicitly, so Selenium
 * Manager is skipped and nothing is downloaded. One per test class, in a fresh profile directory;
 * {@link #reset()} gives each test a single blank tab without cookies.
 */
final class Chromium implements AutoCloseable {
    static final String INSTALL = "apt-get install -y chromium chromium-driver";
    /**
     * Selenium looks for a DevTools binding matching the browser's version and warns that it has none; these
     * tests use chromedriver's own CDP command instead, so the warning only misleads. Held: JUL keeps loggers
     * weakly.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser that sends {@code userAgent} on every request and prefers US English. */
    static Chromium launch(String userAgent, String logName) {
        return launch(userAgent, logName, new String[0]);
    }

    /** As above, with further command-line switches (e.g. the test CA's certificate to trust). */
    static Chromium launch(String userAgent, String logName, String... extraArguments) {
        Path binary = binary();
        Path driverBinary = driverBinary();
        Path profile = tempDir("linkgate-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                // This machine has no network but loopback: nothing in the background may try to reach out.
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--disable-quic", "--password-store=basic",
                "--user-data-dir=" + profile,
                "--user-agent=" + userAgent,
                "--lang=en-US",
                "--window-size=1280,800");
        options.addArguments(extraArguments);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort()
                .withLogFile(logFile(logName))
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(15));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
        return new Chromium(service, driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** One blank tab, no cookies, no emulation left over from the previous test. */
    void reset() {
        List<String> handles = new ArrayList<>(driver.getWindowHandles());
        driver.switchTo().window(handles.get(0));
        for (String other : handles.subList(1, handles.size())) {
            driver.switchTo().window(other).close();
        }
        driver.switchTo().window(handles.get(0));
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** A new tab, focused, on about:blank. */
    String newTab() {
        driver.switchTo().newWindow(WindowType.TAB);
        return driver.getWindowHandle();
    }

    /** Chromium's executable; fails (never skips) the test when it is missing, with the install line. */
    static Path binary() {
        return Executables.require("chromium", "LINKGATE_CHROMIUM", INSTALL);
    }

    /** chromedriver's executable, likewise. */
    static Path driverBinary() {
        return Executables.require("chromedriver", "LINKGATE_CHROMEDRIVER", INSTALL);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    private static File logFile(String name) {
        Path dir = Path.of("target", "browser-logs");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(name + "-chromedriver.log").toFile();
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A profile left in /tmp is harmless; the test result is what matters.
        }
    }
}
