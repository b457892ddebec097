package dev.linkgate.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkgate.core.detect.BrowserVersion.Engine;
import org.junit.jupiter.api.Test;

class BrowserVersionTest {

    private static void assertBrowser(String ua, BrowserFamily family, int major, Engine engine, int engineMajor) {
        BrowserVersion v = BrowserVersion.parse(ua);
        assertEquals(family, v.family(), ua);
        assertEquals(major, v.major(), ua);
        assertEquals(engine, v.engine(), ua);
        assertEquals(engineMajor, v.engineMajor(), ua);
    }

    @Test
    void chromeOnWindowsIsChrome() {
        assertBrowser(TestData.CHROME_131, BrowserFamily.CHROME, 131, Engine.BLINK, 131);
    }

    @Test
    void edgeIsEdgeWithItsChromiumEngine() {
        assertBrowser("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70", BrowserFamily.EDGE, 131, Engine.BLINK, 131);
        assertBrowser("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 "
                + "Mobile Safari/537.36 EdgA/130.0.2849.80", BrowserFamily.EDGE, 130, Engine.BLINK, 130);
    }

    @Test
    void operaCarriesTheChromiumMajorBesideItsOwn() {
        assertBrowser("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0", BrowserFamily.OPERA, 115, Engine.BLINK, 130);
    }

    @Test
    void firefoxIsGecko() {
        assertBrowser("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
                BrowserFamily.FIREFOX, 133, Engine.GECKO, 133);
    }

    @Test
    void safariIsItsVersionToken() {
        BrowserVersion v = BrowserVersion.parse("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) "
                + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.4 Safari/605.1.15");
        assertEquals(BrowserFamily.SAFARI, v.family());
        assertEquals(16, v.major());
        assertEquals(4, v.engineMinor());
        assertTrue(v.sendsFetchMetadata());
    }

    @Test
    void iosBrowsersAreWebKitOfTheirIosVersion() {
        BrowserVersion chrome = BrowserVersion.parse("Mozilla/5.0 (iPhone; CPU iPhone OS 16_3 like Mac OS X) "
                + "AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1");
        assertEquals(BrowserFamily.CHROME, chrome.family());
        assertEquals(131, chrome.major());
        assertEquals(Engine.WEBKIT, chrome.engine());
        assertFalse(chrome.sendsFetchMetadata(), "iOS 16.3 predates Fetch Metadata in WebKit");
        assertBrowser("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                + " FxiOS/124.0 Mobile/15E148 Safari/605.1.15", BrowserFamily.FIREFOX, 124, Engine.WEBKIT, 17);
        assertBrowser("Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Version/17.4 Mobile/15E148 Safari/604.1", BrowserFamily.SAFARI, 17, Engine.WEBKIT, 17);
    }

    @Test
    void anIosAppWebViewIsAWebKitAppOfItsOsVersion() {
        BrowserVersion v = BrowserVersion.parse("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
                + "AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 334.0.4.32.98");
        assertEquals(BrowserFamily.WEBKIT_APP, v.family());
        assertEquals(17, v.major());
        assertTrue(v.sendsFetchMetadata());
    }

    @Test
    void anIosAgentWithAChromeTokenIsJudgedAsThatChrome() {
        assertBrowser("Mozilla/5.0 (iPhone; CPU iPhone OS 11_0 like Mac OS X) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/40.0.1567.1276 Mobile Safari/537.36", BrowserFamily.CHROME, 40, Engine.BLINK, 40);
    }

    @Test
    void legacyEdgeSendsNoFetchMetadata() {
        BrowserVersion v = BrowserVersion.parse("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19582");
        assertEquals(BrowserFamily.EDGE, v.family());
        assertEquals(18, v.major());
        assertFalse(v.sendsFetchMetadata());
    }

    @Test
    void fetchMetadataStartsAtChrome80Firefox90AndSafari16Point4() {
        assertFalse(new BrowserVersion(BrowserFamily.CHROME, 79, Engine.BLINK, 79, 0).sendsFetchMetadata());
        assertTrue(new BrowserVersion(BrowserFamily.CHROME, 80, Engine.BLINK, 80, 0).sendsFetchMetadata());
        assertFalse(new BrowserVersion(BrowserFamily.FIREFOX, 89, Engine.GECKO, 89, 0).sendsFetchMetadata());
        assertTrue(new BrowserVersion(BrowserFamily.FIREFOX, 90, Engine.GECKO, 90, 0).sendsFetchMetadata());
        assertFalse(new BrowserVersion(BrowserFamily.SAFARI, 16, Engine.WEBKIT, 16, 3).sendsFetchMetadata());
        assertTrue(new BrowserVersion(BrowserFamily.SAFARI, 16, Engine.WEBKIT, 16, 4).sendsFetchMetadata());
        assertTrue(new BrowserVersion(BrowserFamily.SAFARI, 26, Engine.WEBKIT, 26, 0).sendsFetchMetadata());
    }

    @Test
    void unknownAgentsAreNull() {
        assertNull(BrowserVersion.parse(null));
        assertNull(BrowserVersion.parse("Lynx/2.9.0dev.6 libwww-FM/2.14 SSL-MM/1.4.1 OpenSSL/1.1.1j-dev"));
        assertNull(BrowserVersion.parse("Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; Trident/5.0)"));
        assertNull(BrowserVersion.parse("Mozilla/5.0 Chrome/ Firefox/"));
    }
}
