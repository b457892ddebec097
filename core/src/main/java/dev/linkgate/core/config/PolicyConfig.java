package dev.linkgate.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * @param doubleClickWindow same browser within this window: coalesced onto the first response
 * @param linkTtl           how long a link's state is remembered
 * @param continueTtl       how long a continue token (the interstitial page) stays valid
 * @param fanOutWindow      distinct client networks fetching one link within this window are a scanner
 * @param staleMajors       a browser more than this many majors behind current is stale
 * @param gestureDwell      the page's script gives the gesture proof only after this long on the page
 * @param resumeWindow      the browser that opened a link gets its first response again within this; 0 is off
 * @param browserCookie     the name of linkgate's own browser cookie (with {@code __Host-} over HTTPS)
 */
public record PolicyConfig(Mode mode, Duration doubleClickWindow, Duration linkTtl, Reclick reclick,
                           Duration continueTtl, Duration fanOutWindow, int staleMajors, Duration gestureDwell,
                           Duration resumeWindow, String browserCookie) {
    public PolicyConfig(Mode mode, Duration doubleClickWindow, Duration linkTtl, Reclick reclick, Duration continueTtl,
                        Duration fanOutWindow, int staleMajors, Duration gestureDwell) {
        this(mode, doubleClickWindow, linkTtl, reclick, continueTtl, fanOutWindow, staleMajors, gestureDwell,
                ConfigDefaults.RESUME_WINDOW, ConfigDefaults.BROWSER_COOKIE);
    }

    public PolicyConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(reclick, "reclick");
        Durations.requirePositive(doubleClickWindow, "double-click-window");
        Durations.requirePositive(linkTtl, "link-ttl");
        Durations.requirePositive(continueTtl, "continue-ttl");
        Durations.requirePositive(fanOutWindow, "fan-out-window");
        Durations.requirePositive(gestureDwell, "gesture-dwell");
        if (staleMajors < 1) {
            throw new InvalidConfigValue("stale-majors", "must be at least 1 (got " + staleMajors + ")");
        }
        Objects.requireNonNull(resumeWindow, "resume-window");
        if (resumeWindow.isNegative()) {
            throw new InvalidConfigValue("resume-window", "must not be negative (0 turns resume off)");
        }
        if (browserCookie == null || !CookieNames.isToken(browserCookie) || browserCookie.startsWith("__")) {
            throw new InvalidConfigValue("browser-cookie", "must be a cookie name (letters, digits, - or _, not"
                    + " starting with __), e.g. linkgate-browser");
        }
        if (doubleClickWindow.compareTo(linkTtl) >= 0) {
            throw new InvalidConfigValue("double-click-window", "must be shorter than link-ttl ("
                    + Durations.format(linkTtl) + ")");
        }
    }

    public static PolicyConfig defaults() {
        return new PolicyConfig(ConfigDefaults.MODE, ConfigDefaults.DOUBLE_CLICK_WINDOW, ConfigDefaults.LINK_TTL,
                ConfigDefaults.RECLICK, ConfigDefaults.CONTINUE_TTL, ConfigDefaults.FAN_OUT_WINDOW,
                ConfigDefaults.STALE_MAJORS, ConfigDefaults.GESTURE_DWELL, ConfigDefaults.RESUME_WINDOW,
                ConfigDefaults.BROWSER_COOKIE);
    }

    /** Resume (and linkgate's browser cookie) is on. */
    public boolean resumes() {
        return !resumeWindow.isZero();
    }
}
