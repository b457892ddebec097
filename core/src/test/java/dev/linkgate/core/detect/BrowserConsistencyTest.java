package dev.linkgate.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.linkgate.core.request.RequestHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrowserConsistencyTest {
    private static final String SAFARI_17 = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.4 Safari/605.1.15";

    private static List<String> reasons(Map<String, String> headers, boolean stale) {
        List<Evidence> out = new ArrayList<>();
        String ua = headers.get("User-Agent");
        BrowserConsistency.check(RequestHeaders.of(headers), BrowserVersion.parse(ua), stale, out);
        out.forEach(e -> assertEquals("consistency", e.signal()));
        return out.stream().map(Evidence::reason).toList();
    }

    private static Map<String, String> chrome() {
        return TestData.browserHeaders(TestData.CHROME_131, "de-DE,de;q=0.9,en;q=0.8");
    }

    @Test
    void aCurrentBrowserWithEveryHeaderIsConfirmed() {
        List<Evidence> out = new ArrayList<>();
        BrowserConsistency.check(RequestHeaders.of(chrome()), BrowserVersion.parse(TestData.CHROME_131), false, out);
        assertEquals(1, out.size());
        assertEquals(Weight.CONFIRMS_BROWSER, out.get(0).weight());
        assertEquals("browser_confirmed", out.get(0).reason());
    }

    @Test
    void chromeWithoutFetchMetadataIsUnconfirmed() {
        Map<String, String> h = chrome();
        h.remove("Sec-Fetch-Mode");
        h.remove("Sec-Fetch-Dest");
        assertEquals(List.of("fetch_metadata_missing"), reasons(h, false));
        assertEquals(Weight.UNCONFIRMED, BrowserConsistency.FETCH_METADATA_MISSING.weight());
    }

    @Test
    void aPrefetchOrFrameIsNoTopLevelClick() {
        Map<String, String> h = chrome();
        h.put("Sec-Fetch-Mode", "no-cors");
        assertEquals(List.of("fetch_metadata_missing"), reasons(h, false));
        h = chrome();
        h.put("Sec-Fetch-Dest", "iframe");
        assertEquals(List.of("fetch_metadata_missing"), reasons(h, false));
    }

    @Test
    void safariNeedsNoSecFetchUser() {
        Map<String, String> h = TestData.browserHeaders(SAFARI_17, "en-GB,en;q=0.9");
        h.remove("Sec-Fetch-User");
        assertEquals(List.of("browser_confirmed"), reasons(h, false));
    }

    @Test
    void aBrowserOlderThanFetchMetadataIsNotAskedForIt() {
        String firefox80 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:80.0) Gecko/20100101 Firefox/80.0";
        Map<String, String> h = TestData.browserHeaders(firefox80, "en");
        assertEquals(null, h.get("Sec-Fetch-Mode"));
        assertEquals(List.of("browser_confirmed"), reasons(h, false));
    }

    @Test
    void noAcceptLanguageIsSuspect() {
        Map<String, String> h = chrome();
        h.remove("Accept-Language");
        assertEquals(List.of("accept_language_missing"), reasons(h, false));
        h.put("Accept-Language", " ");
        assertEquals(List.of("accept_language_missing"), reasons(h, false));
        assertEquals(Weight.SUSPECT, BrowserConsistency.ACCEPT_LANGUAGE_MISSING.weight());
    }

    @Test
    void anAcceptWithoutTextHtmlIsSuspect() {
        Map<String, String> h = chrome();
        h.put("Accept", "*/*");
        assertEquals(List.of("accept_not_html"), reasons(h, false));
        h.remove("Accept");
        assertEquals(List.of("accept_not_html"), reasons(h, false));
        h.put("Accept", "TEXT/HTML,*/*;q=0.8");
        assertEquals(List.of("browser_confirmed"), reasons(h, false));
    }

    @Test
    void aStaleBrowserIsNeverConfirmed() {
        assertEquals(List.of(), reasons(chrome(), true));
    }

    @Test
    void anUnrecognisedAgentIsUnconfirmed() {
        Map<String, String> h = TestData.browserHeaders("Lynx/2.9.0dev.6 libwww-FM/2.14", "en");
        assertEquals(List.of("browser_unknown"), reasons(h, false));
        assertEquals(Weight.UNCONFIRMED, BrowserConsistency.UNKNOWN.weight());
    }
}
