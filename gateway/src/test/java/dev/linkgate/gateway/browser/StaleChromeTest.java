package dev.linkgate.gateway.browser;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.linkgate.core.config.Mode;
import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.detect.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.FluentWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stale Chrome (125), as Defender Safe Links detonates links in: a scanner that runs the page's scripts and
 * submits its form, and a person on an old browser. In balanced mode the browser's own signals never let it
 * through; only the gesture proof, given on a trusted click after the dwell, can.
 */
class StaleChromeTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(UserAgents.STALE_CHROME, "stale-chrome");

    private SigningApp app;
    private ChromeDriver driver;
    private BrowserPage page;
    private Linkgate linkgate;

    @BeforeEach
    void freshTab() {
        app = browser.app();
        driver = browser.driver();
        page = browser.page();
    }

    /** linkgate in balanced mode, and a fresh link through it. */
    private Linkgate.Link balancedLink() {
        linkgate = browser.started(Linkgate.start(app, Mode.BALANCED));
        return linkgate.newLink();
    }

    @Test
    void linkgatesDetectorSaysTheStaleBrowsersClickIsSuspect() {
        driver.get(app.baseUrl() + "/sign/header-probe");
        List<LoggedRequest> seen = app.requestsTo("/sign/header-probe");
        assertEquals(1, seen.size());
        assertEquals(UserAgents.STALE_CHROME, seen.get(0).getHeader("User-Agent"));
        Classification verdict = Linkgate.judge(app, seen.get(0));
        assertEquals(Verdict.SUSPECT, verdict.verdict(), verdict.toString());
        assertTrue(verdict.reasons().contains("stale_browser"), verdict.toString());
    }

    @Test
    void aPersonOnAStaleChromeWhoClicksContinueOpensTheDocumentOnce() {
        Linkgate.Link link = balancedLink();
        driver.get(link.url());
        WebElement button = page.continueButton();
        assertEquals(0, app.requestsFor(link.path()), "a stale browser's visit alone forwards nothing");
        page.awaitDwell();
        button.click();

        page.assertShowsDocumentWithSession();
        assertEquals(1, app.requestsFor(link.path()));
    }

    @Test
    void aScannerThatRunsThePagesScriptsButClicksNothingOpensNothing() {
        Linkgate.Link link = balancedLink();
        driver.get(link.url());
        WebElement button = page.continueButton();

        // Five seconds on the page with its scripts running: the page must never submit by itself.
        FluentWait<SigningApp> fiveSeconds = new FluentWait<>(app).withTimeout(Duration.ofSeconds(5))
                .pollingEvery(Duration.ofMillis(100));
        assertThrows(TimeoutException.class, () -> fiveSeconds.until(a -> a.requestsFor(link.path()) > 0));

        assertTrue(page.showsContinuePage(), "still on the Continue page: " + page.bodyText());
        assertTrue(button.isEnabled(), "the form was not submitted (the script disables the button on submit)");
        assertEquals(0, app.requestsFor(link.path()));
    }

    @Test
    void aScannerThatClicksContinueAtOnceWithATrustedClickOpensNothing() {
        // Automation that drives the browser's own input (as WebDriver does) makes trusted clicks: only the dwell
        // tells them from a person's. A long dwell makes "at once" certain on a busy machine.
        linkgate = browser.started(Linkgate.startWithDwell(app, Mode.BALANCED, Duration.ofSeconds(30)));
        Linkgate.Link link = linkgate.newLink();
        driver.get(link.url());
        WebElement button = page.continueButton();

        button.click();
        page.awaitNavigationAwayFrom(button);

        assertFalse(page.showsDocument(), "no document for a click before the dwell: " + page.bodyText());
        assertEquals(403, page.responseStatus(), page.bodyText());
        assertEquals(0, app.requestsFor(link.path()));
    }

    /** How a scanner's script can send the form without a person's click. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "document.forms[0].submit()",
            "document.getElementById('linkgate-button').dispatchEvent(new MouseEvent('click', {bubbles: true}))",
            "document.getElementById('linkgate-button').click()",
            "document.forms[0].requestSubmit(document.getElementById('linkgate-button'))"})
    void aScannerThatSubmitsTheFormByScriptAfterTheDwellOpensNothing(String script) {
        Linkgate.Link link = balancedLink();
        driver.get(link.url());
        WebElement button = page.continueButton();
        page.awaitDwell();

        driver.executeScript(script);
        page.awaitNavigationAwayFrom(button);

        assertFalse(page.showsDocument(), "no document for a scripted submit: " + page.bodyText());
        assertEquals(403, page.responseStatus(), "linkgate refuses the continue: " + page.bodyText());
        assertEquals(0, app.requestsFor(link.path()));
    }
}
