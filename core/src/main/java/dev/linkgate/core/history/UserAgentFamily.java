package dev.linkgate.core.history;

import dev.linkgate.core.detect.BrowserVersion;

/**
 * What support may see of a user agent: its family and major version, never the string (which can carry
 * anything a client chooses). Browsers by {@link BrowserVersion}; anything else by its first product name,
 * kept to a few safe characters.
 */
public record UserAgentFamily(String family, int major) {
    static final int MAX_NAME = 24;

    public static UserAgentFamily of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new UserAgentFamily("none", 0);
        }
        BrowserVersion browser = BrowserVersion.parse(userAgent);
        if (browser != null) {
            return new UserAgentFamily(browser.family().displayName(), browser.major());
        }
        String ua = userAgent.strip();
        int end = 0;
        while (end < ua.length() && end < MAX_NAME && safe(ua.charAt(end))) {
            end++;
        }
        if (end == 0) {
            return new UserAgentFamily("other", 0);
        }
        int major = 0;
        int at = end < ua.length() && ua.charAt(end) == '/' ? end + 1 : -1;
        for (int i = at; at > 0 && i < ua.length() && i < at + 6 && Character.isDigit(ua.charAt(i)); i++) {
            major = major * 10 + (ua.charAt(i) - '0');
        }
        return new UserAgentFamily(ua.substring(0, end), major);
    }

    private static boolean safe(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.';
    }

    @Override
    public String toString() {
        return major > 0 ? family + " " + major : family;
    }
}
