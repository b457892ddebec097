package dev.linkgate.core.detect;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The stale_browser signal: a browser many majors behind the one current on the request's date. People's
 * browsers update themselves; Safe Links and other scanners detonate links in old pinned builds. Stale is
 * SUSPECT, never BOT: a person on an old machine still gets through the Continue page.
 *
 * <p>Chrome, Edge and Opera (by its Chromium token) follow {@link ReleaseCalendar#CHROME}, Firefox
 * {@link ReleaseCalendar#FIREFOX}. Safari ships one major a year with the OS, in September (18 in 2024, then 26
 * in 2025 when Apple numbered releases after the coming year), and iPhones stop getting majors after some
 * years, so Safari is judged in yearly majors with its own, smaller threshold. An iOS app's web view reports
 * only the OS version and is not judged.
 */
public final class StaleBrowsers {
    public static final String SIGNAL = "stale_browser";
    public static final int DEFAULT_STALE_MAJORS = 8;
    public static final int DEFAULT_STALE_SAFARI_MAJORS = 2;

    private static final long SECONDS_PER_DAY = 86_400;

    private final int staleMajors;
    private final int staleSafariMajors;

    /** @param staleMajors more than this many majors behind is stale (Chrome, Edge, Opera, Firefox) */
    public StaleBrowsers(int staleMajors) {
        this(staleMajors, DEFAULT_STALE_SAFARI_MAJORS);
    }

    /** @param staleSafariMajors more than this many yearly Safari majors behind is stale */
    public StaleBrowsers(int staleMajors, int staleSafariMajors) {
        if (staleMajors < 1 || staleSafariMajors < 1) {
            throw new IllegalArgumentException("stale thresholds must be at least 1 major");
        }
        this.staleMajors = staleMajors;
        this.staleSafariMajors = staleSafariMajors;
    }

    /** SUSPECT evidence when the browser is stale on the request's date, else null. */
    public Evidence check(BrowserVersion browser, Instant receivedAt) {
        int behind = majorsBehind(browser, receivedAt);
        int limit = browser.family() == BrowserFamily.SAFARI ? staleSafariMajors : staleMajors;
        if (behind <= limit) {
            return null;
        }
        return new Evidence(SIGNAL, Weight.SUSPECT, "stale_browser",
                browser + " is " + behind + (browser.family() == BrowserFamily.SAFARI ? " yearly" : "")
                        + " majors behind on " + LocalDate.ofEpochDay(epochDay(receivedAt)));
    }

    public boolean isStale(BrowserVersion browser, Instant receivedAt) {
        return check(browser, receivedAt) != null;
    }

    /** How many majors the browser is behind the current one on that date; 0 or less when current (or unknown). */
    public int majorsBehind(BrowserVersion browser, Instant receivedAt) {
        long day = epochDay(receivedAt);
        return switch (browser.family()) {
            case CHROME, EDGE -> ReleaseCalendar.CHROME.currentMajor(day) - browser.major();
            case OPERA -> ReleaseCalendar.CHROME.currentMajor(day) - browser.engineMajor();
            case FIREFOX -> ReleaseCalendar.FIREFOX.currentMajor(day) - browser.major();
            case SAFARI -> currentSafariYear(day) - safariYear(browser.major());
            case WEBKIT_APP -> 0;
        };
    }

    /** The year of the Safari release current on that day (majors ship mid-September). */
    static int currentSafariYear(long epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        return date.isBefore(LocalDate.of(date.getYear(), 9, 15)) ? date.getYear() - 1 : date.getYear();
    }

    /** The year a Safari major shipped: 18 in 2024 counting back a year a major, 26 in 2025 onward. */
    static int safariYear(int major) {
        if (major >= 26) {
            return 1999 + major;
        }
        return major > 18 ? 2025 : 2006 + major; // 19..25 never shipped: treat as the renumbered 2025 release
    }

    private static long epochDay(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
    }
}
