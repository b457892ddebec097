package dev.linkgate.core.detect;

import java.util.Locale;

/**
 * What kind of non-person a user-agent pattern names. When several patterns match, the first category in this
 * order wins, and within it the longest pattern. {@link #BROWSER} is the exception: it names a real browser or
 * phone whose token ends in a robot token ("CUBOT") and only silences the generic match inside it.
 */
public enum UserAgentCategory {
    OFFICE, MAIL_SECURITY, HEADLESS, PREVIEWER, TOOL, CRAWLER, BROWSER;

    /** The metric label of a match: ua_office, ua_crawler, ... */
    public String reason() {
        return "ua_" + fileName();
    }

    /** How the category is written in user-agents.txt. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static UserAgentCategory fromFileName(String word) {
        for (UserAgentCategory c : values()) {
            if (c.fileName().equals(word)) {
                return c;
            }
        }
        return null;
    }
}
