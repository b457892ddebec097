package dev.linkgate.gateway.browser;

import dev.linkgate.core.config.Mode;
import dev.linkgate.core.policy.ContinueForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Continue page is the one page signers see: it must work for everyone, by keyboard alone, in their
 * language, on a phone. Screenshots land in target/screenshots/ for a person to look at.
 */
class ContinuePageAccessibilityTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(UserAgents.currentChrome(), "continue-page");

    private SigningApp app;
    private ChromeDriver driver;
    private BrowserPage page;
    private Linkgate linkgate;
    private Linkgate.Link link;

    @BeforeEach
    void freshTabAndLinkgate() {
        app = browser.app();
        driver = browser.driver();
        page = browser.page();
        // Strict: a current browser gets the Continue page too.
        linkgate = browser.started(Linkgate.start(app, Mode.STRICT));
        link = linkgate.newLink();
    }

    @Test
    void theContinuePageHasNoSeriousOrCriticalAccessibilityViolation() {
        driver.get(link.url());
        page.continueButton();
        assertNoSeriousViolation(Axe.run(driver));
    }

    @Test
    void theProblemPageHasNoSeriousOrCriticalAccessibilityViolation() {
        driver.get(link.url());
        WebElement button = page.continueButton();
        driver.executeScript("document.querySelector('input[name=\"" + ContinueForm.TOKEN_FIELD + "\"]').value ="
                + " 'forged'; document.forms[0].submit();");
        page.awaitNavigationAwayFrom(button);
        assertEquals(403, page.responseStatus(), page.bodyText());
        assertNoSeriousViolation(Axe.run(driver));
    }

    @Test
    void tabThenEnterCompletesTheContinueWithTheKeyboardAlone() {
        driver.get(link.url());
        page.continueButton();

        for (int tabs = 1; !"linkgate-button".equals(focusedId()); tabs++) {
            assertTrue(tabs <= 3, "Tab reaches the Continue button within 3 presses; focus is on " + focusedId());
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        page.awaitDwell();
        new Actions(driver).sendKeys(Keys.ENTER).perform();

        page.assertShowsDocumentWithSession();
        assertEquals(1, app.requestsFor(link.path()));
    }

    @ParameterizedTest(name = "{0} {1} ({2}x{3})")
    @CsvSource({
            "en, desktop, 1280, 800, false",
            "en, phone,   390,  844, true",
            "de, desktop, 1280, 800, false",
            "de, phone,   390,  844, true"})
    void theContinueButtonIsVisibleWithoutScrolling(String language, String size, int width, int height,
                                                    boolean mobile) throws IOException {
        // A tab of its own: the language and screen emulation go away with it in the next reset().
        browser.newTab();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        driver.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", UserAgents.currentChrome(),
                "acceptLanguage", language + "-" + language.toUpperCase(java.util.Locale.ROOT) + "," + language));
        driver.get(link.url());
        page.continueButton();

        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("interstitial-" + language + "-" + size + ".png"),
                driver.getScreenshotAs(OutputType.BYTES));
        assertEquals(language, driver.executeScript("return document.documentElement.lang"));
        @SuppressWarnings("unchecked")
        Map<String, Number> box = (Map<String, Number>) driver.executeScript("""
                var r = document.getElementById('linkgate-button').getBoundingClientRect();
                return {top: r.top, left: r.left, bottom: r.bottom, right: r.right,
                        width: window.innerWidth, height: window.innerHeight};
                """);
        assertTrue(box.get("top").doubleValue() >= 0 && box.get("left").doubleValue() >= 0
                        && box.get("bottom").doubleValue() <= box.get("height").doubleValue()
                        && box.get("right").doubleValue() <= box.get("width").doubleValue(),
                "the Continue button lies inside the viewport without scrolling: " + box);
    }

    private String focusedId() {
        return String.valueOf(driver.executeScript("return document.activeElement && document.activeElement.id"));
    }

    private static void assertNoSeriousViolation(List<Axe.Violation> violations) {
        List<Axe.Violation> serious = violations.stream().filter(Axe.Violation::seriousOrWorse).toList();
        violations.stream().filter(v -> !v.seriousOrWorse()).forEach(v -> System.out.println("axe (minor): " + v));
        assertTrue(serious.isEmpty(), "axe found serious or critical violations: " + serious);
    }
}
