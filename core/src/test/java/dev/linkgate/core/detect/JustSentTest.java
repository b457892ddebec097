package dev.linkgate.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.linkgate.core.config.LinkRoute;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.core.request.RequestHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JustSentTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final JustSent SIGNAL = new JustSent(List.of(new LinkRoute("/s", "t", "ts"),
            new LinkRoute("/sign/{token}", null, "sent"), new LinkRoute("/plain/{token}", null)),
            Duration.ofSeconds(60), Duration.ofMinutes(5));

    @Test
    void aClickSecondsAfterSendingIsSuspect() {
        Evidence e = SIGNAL.check(click("/s", "t=abc&ts=" + (NOW.getEpochSecond() - 12)));
        assertEquals("just_sent", e.reason());
        assertEquals(Weight.SUSPECT, e.weight());
        assertEquals("clicked 12 s after sending", e.detail());
    }

    @Test
    void thirteenDigitsAreMilliseconds() {
        assertEquals("just_sent", SIGNAL.check(click("/s", "ts=" + (NOW.toEpochMilli() - 59_999) + "&t=abc")).reason());
        assertNull(SIGNAL.check(click("/s", "ts=" + (NOW.toEpochMilli() - 60_000) + "&t=abc")));
    }

    @Test
    void aClickAfterTheWindowAddsNothing() {
        assertNull(SIGNAL.check(click("/s", "t=abc&ts=" + (NOW.getEpochSecond() - 60))));
        assertNull(SIGNAL.check(click("/sign/abc", "sent=" + (NOW.getEpochSecond() - 86_400))));
    }

    @Test
    void aTimeSlightlyAheadIsClockSkewAndCountsAsJustSent() {
        assertEquals("just_sent", SIGNAL.check(click("/s", "t=abc&ts=" + (NOW.getEpochSecond() + 299))).reason());
    }

    @Test
    void aFutureTimeBeyondTheSkewIsOnlyNoted() {
        Evidence e = SIGNAL.check(click("/s", "t=abc&ts=" + (NOW.getEpochSecond() + 301)));
        assertEquals("sent_at_invalid", e.reason());
        assertEquals(Weight.NOTE, e.weight());
    }

    @Test
    void missingOrUnreadableTimesAreOnlyNoted() {
        for (String query : List.of("t=abc", "t=abc&ts=", "t=abc&ts=yesterday", "t=abc&ts=-5", "t=abc&ts=1.7e9",
                "t=abc&ts=99999999999999999999")) {
            Evidence e = SIGNAL.check(click("/s", query));
            assertEquals("sent_at_invalid", e.reason(), query);
            assertEquals(Weight.NOTE, e.weight(), query);
        }
        assertEquals("sent_at_invalid", SIGNAL.check(click("/sign/abc", null)).reason());
    }

    @Test
    void aLinkWithoutSentAtIsNotChecked() {
        assertNull(SIGNAL.check(click("/plain/abc", "ts=" + NOW.getEpochSecond())));
        assertNull(JustSent.NONE.check(click("/s", "t=abc")));
    }

    @Test
    void aNoteDoesNotChangeTheVerdict() {
        Evidence confirmed = new Evidence("consistency", Weight.CONFIRMS_BROWSER, "browser_confirmed");
        Evidence note = new Evidence(JustSent.SIGNAL, Weight.NOTE, JustSent.INVALID);
        assertEquals(Verdict.HUMAN, Classification.of(List.of(confirmed, note)).verdict());
        assertEquals(Verdict.UNCONFIRMED, Classification.of(List.of(note)).verdict());
        assertEquals(List.of("browser_confirmed", "sent_at_invalid"),
                Classification.of(List.of(confirmed, note)).reasons());
    }

    @Test
    void theDetectorAddsItToAPersonsClick() {
        Detector d = new Detector(new UserAgentRules(List.of()), new ScannerNetworks(List.of()),
                new StaleBrowsers(8), SIGNAL);
        Map<String, String> headers = TestData.browserHeaders(TestData.CHROME_131, "en");
        ClickRequest click = new ClickRequest("GET", "/s", "t=abc&ts=" + (TestData.NOV_2024.getEpochSecond() - 22),
                "abc", TestData.HOME, RequestHeaders.of(headers), TestData.NOV_2024);
        Classification c = d.classify(click);
        assertEquals(Verdict.SUSPECT, c.verdict());
        assertEquals(List.of("just_sent", "browser_confirmed"), c.reasons());
    }

    private static ClickRequest click(String path, String query) {
        return new ClickRequest("GET", path, query, "abc", TestData.HOME, RequestHeaders.of(Map.of()), NOW);
    }
}
