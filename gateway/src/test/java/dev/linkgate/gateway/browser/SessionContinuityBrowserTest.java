package dev.linkgate.gateway.browser;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.linkgate.core.config.Mode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session continuity in a real browser: a signer who closes the tab and opens the email link again lands back
 * in the same document (the app asked once); a second signer on the same browser profile starts a clean
 * session, told on the Continue page that another signer's session may be open.
 */
class SessionContinuityBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(UserAgents.currentChrome(), "session-continuity");
    private static final By OTHER_SESSION = By.cssSelector("p.linkgate-other-session");

    private SigningApp app;
    private ChromeDriver driver;
    private BrowserPage page;

    @BeforeEach
    void freshTab() {
        app = browser.app();
        driver = browser.driver();
        page = browser.page();
    }

    @Test
    void aTabClosedAndOpenedAgainFromTheEmailShowsTheSameDocumentAndTheAppIsAskedOnce() {
        Duration doubleClick = Duration.ofMillis(300);
        Linkgate linkgate = browser.started(Linkgate.start(app, Mode.BALANCED, doubleClick));
        Linkgate.Link link = linkgate.newLink();

        String emailTab = driver.getWindowHandle();
        String tab = browser.newTab();
        driver.get(link.url());
        page.assertShowsDocumentWithSession();
        assertEquals(1, app.requestsFor(link.path()));
        // Later than a double click: this is the signer coming back, not the same click twice.
        page.awaitOpenFor(Duration.ofSeconds(1));
        driver.close();
        driver.switchTo().window(emailTab);

        browser.newTab();
        driver.get(link.url());

        page.assertShowsDocumentWithSession();
        assertFalse(page.showsContinuePage(), "no Continue page for the browser that opened the link");
        assertEquals(1, app.requestsFor(link.path()), "the app was asked once: the same session, not a second one");
        assertFalse(tab.isEmpty());
    }

    @Test
    void aSecondSignerOnTheSameBrowserReachesTheAppWithoutTheFirstSignersSession() {
        Linkgate linkgate = browser.started(Linkgate.start(app, Mode.BALANCED));
        Linkgate.Link alice = linkgate.newLink();
        Linkgate.Link bob = linkgate.newLink();

        driver.get(alice.url());
        page.assertShowsDocumentWithSession();
        driver.get(bob.url());
        page.assertShowsDocumentWithSession();

        LoggedRequest bobsClick = app.requestsTo(bob.path()).get(0);
        String cookies = bobsClick.containsHeader("Cookie") ? bobsClick.getHeader("Cookie") : null;
        assertTrue(cookies == null || !cookies.contains(SigningApp.SESSION_COOKIE + "="),
                "alice's session cookie stayed behind: " + cookies);
        assertTrue(cookies == null || !cookies.contains("linkgate-browser"), "linkgate's cookie is linkgate's");
        assertEquals(1, app.requestsFor(bob.path()));
    }

    @Test
    void theContinuePageTellsTheSecondSignerAnotherSessionMayBeOpenAndContinuingStartsANewOne() throws Exception {
        Linkgate linkgate = browser.started(Linkgate.start(app, Mode.STRICT));
        Linkgate.Link alice = linkgate.newLink();
        Linkgate.Link bob = linkgate.newLink();
        continueOn(alice);
        assertNull(firstOrNull(app.requestsTo(alice.path())).getHeader("Cookie"), "nothing to carry yet");

        driver.get(bob.url());
        WebElement button = page.continueButton();
        WebElement notice = driver.findElement(OTHER_SESSION);
        assertTrue(notice.getText().contains("Another signer’s session may be open in this browser"), notice.getText());
        Files.createDirectories(ContinuePageAccessibilityTest.SCREENSHOTS);
        Files.write(ContinuePageAccessibilityTest.SCREENSHOTS.resolve("interstitial-other-session-en-desktop.png"),
                driver.getScreenshotAs(OutputType.BYTES));
        page.awaitDwell();
        button.click();

        page.assertShowsDocumentWithSession();
        LoggedRequest bobsContinue = firstOrNull(app.requestsTo(bob.path()));
        String cookies = bobsContinue.containsHeader("Cookie") ? bobsContinue.getHeader("Cookie") : "";
        assertFalse(cookies.contains(SigningApp.SESSION_COOKIE + "="), "continuing starts a new session: " + cookies);
        assertEquals(1, app.requestsFor(bob.path()));
    }

    private void continueOn(Linkgate.Link link) {
        driver.get(link.url());
        WebElement button = page.continueButton();
        page.awaitDwell();
        button.click();
        page.assertShowsDocumentWithSession();
    }

    private static LoggedRequest firstOrNull(List<LoggedRequest> requests) {
        return requests.isEmpty() ? null : requests.get(0);
    }
}
