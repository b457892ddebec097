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
 * @param justSentWindow    a click this soon after the link's send time ({@code links[].sent-at}) is suspect
 * @param clockSkew         a send time further than this in the future is not believed
 */
public record PolicyConfig(Mode mode, Duration doubleClickWindow, Duration linkTtl, Reclick reclick,
                           Duration continueTtl, Duration fanOutWindow, int staleMajors, Duration gestureDwell,
                           Duration justSentWindow, Duration clockSkew) {

    public PolicyConfig(Mode mode, Duration doubleClickWindow, Duration linkTtl, Reclick reclick,
                        Duration continueTtl, Duration fanOutWindow, int staleMajors, Duration gestureDwell) {
        this(mode, doubleClickWindow, linkTtl, reclick, continueTtl, fanOutWindow, staleMajors, gestureDwell,
                ConfigDefaults.JUST_SENT_WINDOW, ConfigDefaults.CLOCK_SKEW);
    }

    public PolicyConfig {
        Durations.requirePositive(justSentWindow, "just-sent-window");
        Durations.requirePositive(clockSkew, "clock-skew");
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
        if (doubleClickWindow.compareTo(linkTtl) >= 0) {
            throw new InvalidConfigValue("double-click-window", "must be shorter than link-ttl ("
                    + Durations.format(linkTtl) + ")");
        }
    }

    public static PolicyConfig defaults() {
        return new PolicyConfig(ConfigDefaults.MODE, ConfigDefaults.DOUBLE_CLICK_WINDOW, ConfigDefaults.LINK_TTL,
                ConfigDefaults.RECLICK, ConfigDefaults.CONTINUE_TTL, ConfigDefaults.FAN_OUT_WINDOW,
                ConfigDefaults.STALE_MAJORS, ConfigDefaults.GESTURE_DWELL, ConfigDefaults.JUST_SENT_WINDOW,
                ConfigDefaults.CLOCK_SKEW);
    }
}
