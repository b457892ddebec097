package dev.linkgate.gateway.browser;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.linkgate.core.config.Mode;
import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.detect.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person on a current Chrome, in a real browser in front of the signing app. */
class CurrentChromeTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(UserAgents.currentChrome(), "current-chrome");

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

    @Test
    void theBrowserSendsTheHeadersOfAPersonsClickAndLinkgatesDetectorSaysHuman() {
        // Straight to the signing app: what every other test's browser sends, before linkgate judges it.
        driver.get(app.baseUrl() + "/sign/header-probe");
        List<LoggedRequest> seen = app.requestsTo("/sign/header-probe");
        assertEquals(1, seen.size());
        LoggedRequest probe = seen.get(0);
        assertEquals(UserAgents.currentChrome(), probe.getHeader("User-Agent"));
        assertEquals("en-US,en;q=0.9", probe.getHeader("Accept-Language"));
        assertEquals("navigate", probe.getHeader("Sec-Fetch-Mode"));
        assertEquals("document", probe.getHeader("Sec-Fetch-Dest"));
        assertEquals("?1", probe.getHeader("Sec-Fetch-User"));
        assertFalse(probe.getHeader("sec-ch-ua").contains("Headless"), probe.getHeader("sec-ch-ua"));
        Classification verdict = Linkgate.judge(app, probe);
        assertEquals(Verdict.HUMAN, verdict.verdict(), verdict.toString());
    }

    @Test
    void aPersonWhoClicksContinueInStrictModeOpensTheDocumentOnce() {
        linkgate = browser.started(Linkgate.start(app, Mode.STRICT));
        Linkgate.Link link = linkgate.newLink();

        driver.get(link.url());
        WebElement button = page.continueButton();
        assertEquals(0, app.requestsFor(link.path()), "the Continue page alone forwards nothing");
        page.awaitDwell();
        button.click();

        page.assertShowsDocumentWithSession();
        assertEquals(link.path(), URI.create(driver.getCurrentUrl()).getPath());
        assertEquals(1, app.requestsFor(link.path()));
    }

    @Test
    void aDoubleClickIntoTwoTabsOpensTheDocumentOnceAndShowsItInBoth() {
        Duration appDelay = Duration.ofMillis(1500);
        app.respondAfter(appDelay);
        linkgate = browser.started(Linkgate.start(app, Mode.BALANCED));
        Linkgate.Link link = linkgate.newLink();

        // Both tabs are opened by the browser itself, as a mail program opens a link: the second starts while
        // the first click's request is still waiting for the signing app.
        String first = openTab(link.url());
        new WebDriverWait(driver, BrowserPage.PATIENCE, Duration.ofMillis(5))
                .withMessage("the first click to reach the signing app")
                .until(d -> app.requestsFor(link.path()) == 1);
        String second = openTab(link.url());
        Instant secondOpened = Instant.now();
        Instant firstAnswered = app.requestsTo(link.path()).get(0).getLoggedDate().toInstant().plus(appDelay);
        assertTrue(secondOpened.isBefore(firstAnswered), "the second click started while the first was in flight");

        for (String tab : List.of(first, second)) {
            driver.switchTo().window(tab);
            page.assertShowsDocumentWithSession();
        }
        assertEquals(1, app.requestsFor(link.path()));
    }

    @Test
    void goingBackAfterContinuingShowsTheSameDocumentAgainAndForwardsNothingMore() {
        Duration doubleClick = Duration.ofMillis(300);
        linkgate = browser.started(Linkgate.start(app, Mode.STRICT, doubleClick));
        Linkgate.Link link = linkgate.newLink();
        continueOnce(link);
        page.awaitOpenFor(Duration.ofSeconds(1));

        driver.navigate().back();
        page.assertShowsDocumentWithSession();
        driver.navigate().refresh();
        page.assertShowsDocumentWithSession();

        assertEquals(1, app.requestsFor(link.path()), "the browser that opened the link resumes its session");
    }

    @Test
    void withoutResumeGoingBackShowsThatTheLinkWasAlreadyOpenedAndForwardsNothingMore() {
        Duration doubleClick = Duration.ofMillis(300);
        linkgate = browser.started(Linkgate.startWithoutResume(app, Mode.STRICT, doubleClick));
        Linkgate.Link link = linkgate.newLink();
        continueOnce(link);
        // Back after the double-click window: that is a re-click, not the same click arriving twice.
        page.awaitOpenFor(Duration.ofSeconds(1));

        driver.navigate().back();
        page.continueButton();
        assertTrue(page.showsFirstOpenedNotice(), "the page says when the link was first opened: " + page.bodyText());
        driver.navigate().refresh();
        page.continueButton();
        assertTrue(page.showsFirstOpenedNotice(), "after reload too: " + page.bodyText());

        assertEquals(1, app.requestsFor(link.path()));
    }

    @Test
    void reloadingTheOpenedDocumentForwardsNothingMoreAndSaysToUseTheEmailLinkAgain() {
        linkgate = browser.started(Linkgate.start(app, Mode.STRICT));
        Linkgate.Link link = linkgate.newLink();
        continueOnce(link);

        // The document came from the Continue form's POST: reloading it sends the spent form again.
        driver.navigate().refresh();

        assertFalse(page.showsDocument(), "no second document: " + page.bodyText());
        assertEquals(403, page.responseStatus());
        assertTrue(page.bodyText().toLowerCase().contains("email"),
                "the page says to open the link from the email again: " + page.bodyText());
        assertEquals(1, app.requestsFor(link.path()));
    }

    private void continueOnce(Linkgate.Link link) {
        driver.get(link.url());
        WebElement button = page.continueButton();
        page.awaitDwell();
        button.click();
        page.assertShowsDocumentWithSession();
        assertEquals(1, app.requestsFor(link.path()));
    }

    /** Opens a tab on {@code url} the way the browser opens a link it is handed, without waiting for it. */
    private String openTab(String url) {
        Map<String, Object> created = driver.executeCdpCommand("Target.createTarget", Map.of("url", url));
        return (String) created.get("targetId"); // chromedriver's window handles are DevTools target ids
    }
}
