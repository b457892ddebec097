package dev.linkgate.core.detect;

import static dev.linkgate.core.detect.TestData.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkgate.core.request.ClickRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorTest {
    private final Detector detector = TestData.shippedDetector();

    private static List<String> reasons(Classification c) {
        return c.evidence().stream().map(Evidence::reason).toList();
    }

    @Test
    void aPersonsClickInACurrentChromeIsHuman() {
        Classification c = detector.classify(TestData.browserClick(TestData.CHROME_131, TestData.NOV_2024));
        assertEquals(Verdict.HUMAN, c.verdict());
        assertEquals(List.of("browser_confirmed"), reasons(c));
    }

    @Test
    void safeLinksDetonatingInAStaleChromeFromExchangeOnlineIsSuspect() {
        String chrome97 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/97.0.4692.99 Safari/537.36";
        Map<String, String> headers = TestData.browserHeaders(chrome97, "en-US");
        ClickRequest request = TestData.click(headers, address("104.47.30.126"), TestData.NOV_2024);
        Classification c = detector.classify(request);
        assertEquals(Verdict.SUSPECT, c.verdict());
        assertEquals(List.of("scanner_network", "stale_browser"), reasons(c));
    }

    @Test
    void aHeadRequestIsBotWhateverTheAgent() {
        Classification c = detector.classify(TestData.request("HEAD",
                TestData.browserHeaders(TestData.CHROME_131, "en"), TestData.HOME, TestData.NOV_2024));
        assertEquals(Verdict.BOT, c.verdict());
        assertTrue(reasons(c).contains("method_head"));
    }

    @Test
    void aBotAgentIsNotAlsoJudgedAsABrowser() {
        Classification c = detector.classify(TestData.browserClick("curl/8.4.0", TestData.NOV_2024));
        assertEquals(Verdict.BOT, c.verdict());
        assertEquals(List.of("ua_tool"), reasons(c));
    }

    @Test
    void headersThatNoBrowserSendsMakeACurrentBrowserSuspect() {
        Map<String, String> headers = TestData.browserHeaders(TestData.CHROME_131, "en");
        headers.remove("Accept-Language");
        headers.put("Accept", "*/*");
        headers.remove("Sec-Fetch-Mode");
        Classification c = detector.classify(TestData.click(headers, TestData.HOME, TestData.NOV_2024));
        assertEquals(Verdict.SUSPECT, c.verdict());
        assertEquals(List.of("accept_language_missing", "accept_not_html", "fetch_metadata_missing"), reasons(c));
    }

    @Test
    void anUnknownAgentWithBrowserHeadersIsUnconfirmed() {
        Classification c = detector.classify(TestData.browserClick("Lynx/2.9.0dev.6 libwww-FM/2.14", TestData.NOV_2024));
        assertEquals(Verdict.UNCONFIRMED, c.verdict());
        assertEquals(List.of("browser_unknown"), reasons(c));
    }

    @Test
    void fanOutEvidenceIsSuspectAndJoinsTheClassification() {
        Evidence e = Detector.fanOut(4);
        assertEquals("fan_out", e.signal());
        assertEquals(Weight.SUSPECT, e.weight());
        assertEquals("4 networks within the window", e.detail());
        Classification c = detector.classify(TestData.browserClick(TestData.CHROME_131, TestData.NOV_2024));
        assertEquals(Verdict.SUSPECT, c.with(e).verdict());
    }

    @Test
    void everyReasonTheSignalsGiveIsInTheBoundedSet() {
        Instant at = Instant.parse("2026-01-10T00:00:00Z");
        for (String method : new String[] {"GET", "HEAD", "OPTIONS", "POST"}) {
            for (String ua : new String[] {TestData.CHROME_131, "curl/8", "", "Barracuda Sentinel (EE)", "x"}) {
                Classification c = detector.classify(TestData.request(method, TestData.browserHeaders(ua, "en"),
                        address("40.92.1.1"), at));
                c.evidence().forEach(e -> assertTrue(Detector.REASONS.contains(e.reason()), e.reason()));
            }
        }
        assertTrue(Detector.REASONS.contains(Detector.fanOut(2).reason()));
    }

    @Test
    void loadNamesTheFileAndLineOfABadList(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("extra-networks.txt");
        Files.writeString(bad, "acme 192.0.2.0/24\nacme not-a-network\n");
        ScannerListException e = assertThrows(ScannerListException.class, () -> Detector.load(
                TestData.userAgentsFile(), TestData.networksFile(), List.of(bad), List.of(), 8));
        assertTrue(e.getMessage().startsWith(bad + ":2: "), e.getMessage());

        ScannerListException pattern = assertThrows(ScannerListException.class, () -> Detector.load(
                TestData.userAgentsFile(), TestData.networksFile(), List.of(), List.of("crawler ok", "nonsense"), 8));
        assertEquals("extra user-agent pattern #2:1: expected 'CATEGORY PATTERN' but found 'nonsense'",
                pattern.getMessage());
    }

    @Test
    void loadReportsAMissingFile(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> Detector.load(dir.resolve("nope.txt"),
                TestData.networksFile(), List.of(), List.of(), 8));
    }

    @Test
    void extraPatternsAndNetworksTakeEffect(@TempDir Path dir) throws IOException {
        Path mine = dir.resolve("mine.txt");
        Files.writeString(mine, "our-sandbox 198.51.100.0/24\n");
        Detector d = Detector.load(TestData.userAgentsFile(), TestData.networksFile(), List.of(mine),
                List.of("mail_security acme-secure-link"), 8);
        ClickRequest fromSandbox = TestData.click(TestData.browserHeaders(TestData.CHROME_131, "en"),
                address("198.51.100.9"), TestData.NOV_2024);
        assertEquals(Verdict.SUSPECT, d.classify(fromSandbox).verdict());
        assertEquals(Verdict.BOT, d.classify(TestData.browserClick("Acme-Secure-Link/1.0", TestData.NOV_2024))
                .verdict());
    }

    @Test
    void classifyIsCheapEnoughForEveryRequest() {
        ClickRequest request = TestData.browserClick(TestData.CHROME_131, TestData.NOV_2024);
        for (int i = 0; i < 200_000; i++) {
            detector.classify(request);
        }
        int runs = 200_000;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            detector.classify(request);
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / runs;
        System.out.printf("classify: %.2f us per request (rough; JMH measures it properly)%n", micros);
        assertTrue(micros < 50, "classify took " + micros + " us");
    }
}
