package dev.linkgate.core.policy;

/**
 * Why a link request was decided as it was: a bounded set, so its {@link #label()} is a metric label and an
 * access-log word. A rejecting reason answers a continue with a problem page instead of the app.
 */
public enum Reason {
    FIRST_CLICK("first_click"),
    DOUBLE_CLICK("double_click"),
    SAME_BROWSER("same_browser"),
    RECLICK_OWNER("reclick_owner"),
    RECLICK("reclick"),
    IN_FLIGHT_OTHER("in_flight_other"),
    BOT("bot"),
    SUSPECT("suspect"),
    FAN_OUT("fan_out"),
    UNCONFIRMED("unconfirmed"),
    STRICT("strict"),
    CLAIMED("claimed"),
    STORE_UNAVAILABLE("store_unavailable"),
    CONTINUE("continue"),
    TOKEN_INVALID("token_invalid", true),
    TOKEN_EXPIRED("token_expired", true),
    TOKEN_REPLAYED("token_replayed", true),
    GESTURE_REQUIRED("gesture_required", true);

    private final String label;
    private final boolean rejects;

    Reason(String label) {
        this(label, false);
    }

    Reason(String label, boolean rejects) {
        this.label = label;
        this.rejects = rejects;
    }

    public String label() {
        return label;
    }

    /** A continue refused for this reason gets a problem page (403), never the app. */
    public boolean rejects() {
        return rejects;
    }

    @Override
    public String toString() {
        return label;
    }
}
