package dev.linkgate.gateway.browser;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.linkgate.core.config.Mode;
import dev.linkgate.gateway.testing.TestCertificates;
import dev.linkgate.gateway.testing.TestCertificates.Issued;
import dev.linkgate.gateway.testing.TestCertificates.KeyFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A person's click in Chromium over HTTPS and HTTP/2: a real secure context (the test CA's certificate trusted by
 * its key), so the browser sends Fetch Metadata as it does on the internet, and linkgate forwards the click.
 */
class HttpsChromeTest {
    @TempDir
    static Path dir;
    private static Issued certificate;
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(UserAgents.currentChrome(), "https-chrome",
            HttpsChromeTest::trustTestCertificate);

    /** Issues the test CA's certificate for localhost; Chromium trusts it by its key's hash. */
    private static String[] trustTestCertificate() {
        try {
            certificate = TestCertificates.newCa(dir).issue("localhost", "EC", KeyFormat.TRADITIONAL, "localhost");
            return new String[] {"--ignore-certificate-errors-spki-list=" + certificate.spkiHash()};
        } catch (Exception e) {
            throw new IllegalStateException("could not issue the test certificate in " + dir, e);
        }
    }

    /** linkgate over TLS with the test certificate, in this mode, and a fresh link through it. */
    private static Linkgate.Link linkOverTls(Mode mode) {
        return browser.started(Linkgate.startTls(browser.app(), mode, certificate.certFile(), certificate.keyFile()))
                .newLink();
    }

    @Test
    void aPersonsClickOverHttp2InASecureContextIsForwardedOnce() {
        SigningApp app = browser.app();
        Linkgate.Link link = linkOverTls(Mode.BALANCED);
        ChromeDriver driver = browser.driver();
        BrowserPage page = browser.page();

        driver.get(link.url());

        page.assertShowsDocumentWithSession();
        assertEquals(Boolean.TRUE, driver.executeScript("return window.isSecureContext"));
        assertEquals("h2", driver.executeScript(
                "return performance.getEntriesByType('navigation')[0].nextHopProtocol"));
        List<LoggedRequest> seen = app.requestsTo(link.path());
        assertEquals(1, seen.size(), "forwarded once: the decision was FORWARD");
        LoggedRequest forwarded = seen.get(0);
        assertEquals("https", forwarded.getHeader("X-Forwarded-Proto"));
        assertEquals("navigate", forwarded.getHeader("Sec-Fetch-Mode"));
        assertEquals("document", forwarded.getHeader("Sec-Fetch-Dest"));
        assertEquals("?1", forwarded.getHeader("Sec-Fetch-User"));
    }

    @Test
    void theContinuePageWorksOverHttp2() {
        SigningApp app = browser.app();
        Linkgate.Link link = linkOverTls(Mode.STRICT);
        ChromeDriver driver = browser.driver();
        BrowserPage page = browser.page();

        driver.get(link.url());
        WebElement button = page.continueButton();
        assertEquals("h2", driver.executeScript(
                "return performance.getEntriesByType('navigation')[0].nextHopProtocol"));
        assertEquals(0, app.requestsFor(link.path()), "the Continue page alone forwards nothing");
        page.awaitDwell();
        button.click();

        page.assertShowsDocumentWithSession();
        assertEquals(1, app.requestsFor(link.path()));
        assertEquals("https", app.requestsTo(link.path()).get(0).getHeader("X-Forwarded-Proto"));
    }
}
