package dev.linkgate.gateway.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.function.Supplier;

/**
 * A real Chromium and the signing app for one test class: started once, a fresh tab and app state for every
 * test, and the linkgate a test starts closed after it. Register as a static {@code @RegisterExtension} field.
 */
final class BrowserSession implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final String userAgent;
    private final String profile;
    private final Supplier<String[]> chromiumArguments;
    private SigningApp app;
    private Chromium chromium;
    private ChromeDriver driver;
    private BrowserPage page;
    private Linkgate linkgate;

    /** @param profile names the browser's profile directory */
    BrowserSession(String userAgent, String profile) {
        this(userAgent, profile, () -> new String[0]);
    }

    /**
     * @param chromiumArguments extra command-line arguments for Chromium, asked for when the class starts (after
     *                          JUnit has filled the class's static {@code @TempDir})
     */
    BrowserSession(String userAgent, String profile, Supplier<String[]> chromiumArguments) {
        this.userAgent = userAgent;
        this.profile = profile;
        this.chromiumArguments = chromiumArguments;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        app = SigningApp.start();
        chromium = Chromium.launch(userAgent, profile, chromiumArguments.get());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try (SigningApp a = app; Chromium c = chromium) {
            // closed in reverse order
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        chromium.reset();
        app.reset();
        driver = chromium.driver();
        page = new BrowserPage(driver);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (linkgate != null) {
            linkgate.close();
            linkgate = null;
        }
    }

    SigningApp app() {
        return app;
    }

    ChromeDriver driver() {
        return driver;
    }

    BrowserPage page() {
        return page;
    }

    /** A new tab, focused, on about:blank; the next test's reset closes it. */
    String newTab() {
        return chromium.newTab();
    }

    /** The test's linkgate, closed when the test ends. */
    Linkgate started(Linkgate started) {
        linkgate = started;
        return started;
    }
}
