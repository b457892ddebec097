package dev.linkgate.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkgate.core.detect.BrowserVersion.Engine;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StaleBrowsersTest {
    private static final Instant SEP_2025 = Instant.parse("2025-09-01T09:00:00Z");
    private final StaleBrowsers stale = new StaleBrowsers(StaleBrowsers.DEFAULT_STALE_MAJORS);

    private static BrowserVersion chrome(int major) {
        return new BrowserVersion(BrowserFamily.CHROME, major, Engine.BLINK, major, 0);
    }

    private static BrowserVersion firefox(int major) {
        return new BrowserVersion(BrowserFamily.FIREFOX, major, Engine.GECKO, major, 0);
    }

    private static BrowserVersion safari(int major) {
        return new BrowserVersion(BrowserFamily.SAFARI, major, Engine.WEBKIT, major, 0);
    }

    @Test
    void calendarsHitTheirCalibrationReleases() {
        assertEquals(100, ReleaseCalendar.CHROME.currentMajor(LocalDate.of(2022, 3, 29).toEpochDay()));
        assertEquals(131, ReleaseCalendar.CHROME.currentMajor(LocalDate.of(2024, 11, 12).toEpochDay()));
        assertEquals(130, ReleaseCalendar.CHROME.currentMajor(LocalDate.of(2024, 11, 11).toEpochDay()));
        assertEquals(100, ReleaseCalendar.FIREFOX.currentMajor(LocalDate.of(2022, 5, 3).toEpochDay()));
        assertEquals(133, ReleaseCalendar.FIREFOX.currentMajor(LocalDate.of(2024, 11, 26).toEpochDay()));
    }

    @Test
    void calendarsExtendBeyondTheirCalibration() {
        // Chrome 140 and Firefox 142 were the stable releases at the start of September 2025.
        assertEquals(140, ReleaseCalendar.CHROME.currentMajor(LocalDate.of(2025, 9, 3).toEpochDay()));
        assertEquals(142, ReleaseCalendar.FIREFOX.currentMajor(LocalDate.of(2025, 9, 1).toEpochDay()));
    }

    @Test
    void chromeNineMajorsBehindIsStaleOnTheRequestDate() {
        Evidence e = stale.check(chrome(131), SEP_2025);
        assertEquals(Weight.SUSPECT, e.weight());
        assertEquals("stale_browser", e.reason());
        assertEquals("stale_browser", e.signal());
        assertEquals("Chrome 131 is 9 majors behind on 2025-09-01", e.detail());
    }

    @Test
    void chromeEightMajorsBehindIsNotYetStale() {
        assertNull(stale.check(chrome(132), SEP_2025));
    }

    @Test
    void theSameChromeIsCurrentOnItsOwnReleaseDate() {
        assertNull(stale.check(chrome(131), TestData.NOV_2024));
    }

    @Test
    void safeLinksChrome97IsStaleInLate2024() {
        assertTrue(stale.isStale(chrome(97), TestData.NOV_2024));
        assertEquals(34, stale.majorsBehind(chrome(97), TestData.NOV_2024));
    }

    @Test
    void edgeFollowsChromesMajors() {
        BrowserVersion edge = new BrowserVersion(BrowserFamily.EDGE, 120, Engine.BLINK, 120, 0);
        assertTrue(stale.isStale(edge, SEP_2025));
        assertFalse(stale.isStale(new BrowserVersion(BrowserFamily.EDGE, 135, Engine.BLINK, 135, 0), SEP_2025));
    }

    @Test
    void operaIsJudgedByItsChromiumToken() {
        BrowserVersion current = new BrowserVersion(BrowserFamily.OPERA, 121, Engine.BLINK, 139, 0);
        BrowserVersion old = new BrowserVersion(BrowserFamily.OPERA, 110, Engine.BLINK, 125, 0);
        assertFalse(stale.isStale(current, SEP_2025));
        assertTrue(stale.isStale(old, SEP_2025));
    }

    @Test
    void firefoxNineMajorsBehindIsStale() {
        assertTrue(stale.isStale(firefox(133), SEP_2025));
        assertFalse(stale.isStale(firefox(134), SEP_2025));
    }

    @Test
    void safariIsJudgedInYearlyMajors() {
        Instant oct2026 = Instant.parse("2026-10-01T00:00:00Z");
        assertEquals(0, stale.majorsBehind(safari(27), oct2026));
        assertEquals(1, stale.majorsBehind(safari(26), oct2026), "Safari 26 (2025) is one year behind 27");
        assertEquals(2, stale.majorsBehind(safari(18), oct2026), "18 shipped in 2024, before the jump to 26");
        assertFalse(stale.isStale(safari(18), oct2026));
        assertTrue(stale.isStale(safari(17), oct2026));
        assertEquals("Safari 17 is 3 yearly majors behind on 2026-10-01", stale.check(safari(17), oct2026).detail());
    }

    @Test
    void safarisNewMajorCountsFromMidSeptember() {
        assertEquals(2024, StaleBrowsers.currentSafariYear(LocalDate.of(2025, 9, 14).toEpochDay()));
        assertEquals(2025, StaleBrowsers.currentSafariYear(LocalDate.of(2025, 9, 15).toEpochDay()));
        assertEquals(2025, StaleBrowsers.safariYear(26));
        assertEquals(2024, StaleBrowsers.safariYear(18));
    }

    @Test
    void anIosWebViewIsNeverStaleByItsOsVersion() {
        BrowserVersion webView = new BrowserVersion(BrowserFamily.WEBKIT_APP, 12, Engine.WEBKIT, 12, 0);
        assertFalse(stale.isStale(webView, SEP_2025));
    }

    @Test
    void theThresholdIsTheOperatorsChoice() {
        StaleBrowsers strict = new StaleBrowsers(2, 1);
        assertTrue(strict.isStale(chrome(137), SEP_2025));
        assertFalse(strict.isStale(chrome(138), SEP_2025));
        assertThrows(IllegalArgumentException.class, () -> new StaleBrowsers(0));
    }

    @Test
    void staleIsSuspectNeverBot() {
        assertEquals(Weight.SUSPECT, stale.check(chrome(60), SEP_2025).weight());
    }
}
