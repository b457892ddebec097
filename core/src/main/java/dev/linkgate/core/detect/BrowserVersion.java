package dev.linkgate.core.detect;

/**
 * A browser family and major version read from a User-Agent, plus the engine that decides which headers it
 * sends. Parsed with a few {@code indexOf} calls, no regular expressions.
 *
 * @param family      the browser
 * @param major       the browser's own major version (Edg/, OPR/, CriOS/, Version/, ...)
 * @param engine      the rendering engine
 * @param engineMajor Chromium major for Blink, Firefox major for Gecko, WebKit release (Safari or iOS version)
 * @param engineMinor minor of the WebKit release (16.4 is the first with Fetch Metadata); 0 otherwise
 */
public record BrowserVersion(BrowserFamily family, int major, Engine engine, int engineMajor, int engineMinor) {

    public enum Engine { BLINK, GECKO, WEBKIT, OTHER }

    /** The browser behind a User-Agent, or null when it is none linkgate knows. */
    public static BrowserVersion parse(String ua) {
        if (ua == null) {
            return null;
        }
        if ((ua.contains("iPhone") || ua.contains("iPad") || ua.contains("iPod")) && !ua.contains("Chrome/")) {
            return parseIos(ua); // iOS Chrome says CriOS/; an iOS agent with Chrome/ is someone else's costume
        }
        int edge = version(ua, "Edg/");
        if (edge < 0) {
            edge = version(ua, "EdgA/");
        }
        int chromium = version(ua, "Chrome/");
        if (edge >= 0 && chromium >= 0) {
            return new BrowserVersion(BrowserFamily.EDGE, edge, Engine.BLINK, chromium, 0);
        }
        int legacyEdge = version(ua, "Edge/");
        if (legacyEdge >= 0) {
            return new BrowserVersion(BrowserFamily.EDGE, legacyEdge, Engine.OTHER, 0, 0);
        }
        int opera = version(ua, "OPR/");
        if (opera >= 0 && chromium >= 0) {
            return new BrowserVersion(BrowserFamily.OPERA, opera, Engine.BLINK, chromium, 0);
        }
        int firefox = version(ua, "Firefox/");
        if (firefox >= 0) {
            return new BrowserVersion(BrowserFamily.FIREFOX, firefox, Engine.GECKO, firefox, 0);
        }
        if (chromium >= 0) {
            return new BrowserVersion(BrowserFamily.CHROME, chromium, Engine.BLINK, chromium, 0);
        }
        int safari = version(ua, "Version/");
        if (safari >= 0 && ua.contains("Safari/") && ua.contains("AppleWebKit/")) {
            int minor = minor(ua, "Version/");
            return new BrowserVersion(BrowserFamily.SAFARI, safari, Engine.WEBKIT, safari, minor);
        }
        return null;
    }

    /** Every iOS browser is WebKit underneath, so its headers follow the iOS version. */
    private static BrowserVersion parseIos(String ua) {
        if (!ua.contains("AppleWebKit/")) {
            return null;
        }
        String osToken = ua.contains("iPhone OS ") ? "iPhone OS " : "CPU OS ";
        int os = version(ua, osToken);
        int osMinor = minor(ua, osToken);
        int safari = version(ua, "Version/");
        if (os < 0) {
            os = safari;
            osMinor = minor(ua, "Version/");
        }
        if (os < 0) {
            return null;
        }
        int v;
        if ((v = version(ua, "CriOS/")) >= 0) {
            return new BrowserVersion(BrowserFamily.CHROME, v, Engine.WEBKIT, os, osMinor);
        }
        if ((v = version(ua, "EdgiOS/")) >= 0) {
            return new BrowserVersion(BrowserFamily.EDGE, v, Engine.WEBKIT, os, osMinor);
        }
        if ((v = version(ua, "FxiOS/")) >= 0) {
            return new BrowserVersion(BrowserFamily.FIREFOX, v, Engine.WEBKIT, os, osMinor);
        }
        if (safari >= 0 && ua.contains("Safari/")) {
            // Safari's Version/ is the WebKit release; the OS token may be frozen in newer releases.
            return new BrowserVersion(BrowserFamily.SAFARI, safari, Engine.WEBKIT, safari, minor(ua, "Version/"));
        }
        return new BrowserVersion(BrowserFamily.WEBKIT_APP, os, Engine.WEBKIT, os, osMinor);
    }

    /** Chrome/Edge 80+, Firefox 90+ and WebKit 16.4+ send Sec-Fetch-Mode and Sec-Fetch-Dest on navigation. */
    public boolean sendsFetchMetadata() {
        return switch (engine) {
            case BLINK -> engineMajor >= 80;
            case GECKO -> engineMajor >= 90;
            case WEBKIT -> engineMajor > 16 || (engineMajor == 16 && engineMinor >= 4);
            case OTHER -> false;
        };
    }

    @Override
    public String toString() {
        return family.displayName() + " " + major;
    }

    /** The integer right after {@code token}, or -1 when the token is absent or not followed by a digit. */
    static int version(String ua, String token) {
        int at = ua.indexOf(token);
        return at < 0 ? -1 : digits(ua, at + token.length());
    }

    /** The integer after the first '.' or '_' that follows the major after {@code token}; 0 when none. */
    private static int minor(String ua, String token) {
        int at = ua.indexOf(token);
        if (at < 0) {
            return 0;
        }
        int i = at + token.length();
        while (i < ua.length() && isDigit(ua.charAt(i))) {
            i++;
        }
        if (i < ua.length() && (ua.charAt(i) == '.' || ua.charAt(i) == '_')) {
            int minor = digits(ua, i + 1);
            return Math.max(minor, 0);
        }
        return 0;
    }

    private static int digits(String s, int from) {
        int value = -1;
        for (int i = from; i < s.length() && i < from + 6 && isDigit(s.charAt(i)); i++) {
            value = (value < 0 ? 0 : value * 10) + (s.charAt(i) - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
