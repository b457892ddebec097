package dev.linkgate.core.detect;

import dev.linkgate.core.request.RequestHeaders;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The consistency signal: does the request carry the headers its claimed browser sends on a person's top-level
 * click? Only this signal can confirm a browser, which is what lets a verdict be HUMAN.
 */
public final class BrowserConsistency {
    public static final String SIGNAL = "consistency";

    static final Evidence UNKNOWN = new Evidence(SIGNAL, Weight.UNCONFIRMED, "browser_unknown",
            "the user agent names no browser linkgate knows");
    static final Evidence FETCH_METADATA_MISSING = new Evidence(SIGNAL, Weight.UNCONFIRMED, "fetch_metadata_missing",
            "this browser sends Sec-Fetch-Mode: navigate and Sec-Fetch-Dest: document on a click; they are absent"
                    + " or say something else");
    static final Evidence ACCEPT_LANGUAGE_MISSING = new Evidence(SIGNAL, Weight.SUSPECT, "accept_language_missing",
            "no Accept-Language header: every browser sends one");
    static final Evidence ACCEPT_NOT_HTML = new Evidence(SIGNAL, Weight.SUSPECT, "accept_not_html",
            "the Accept header does not ask for text/html, as a browser navigating does");

    private static final Map<BrowserFamily, Evidence> CONFIRMED = new EnumMap<>(BrowserFamily.class);

    static {
        for (BrowserFamily family : BrowserFamily.values()) {
            CONFIRMED.put(family, new Evidence(SIGNAL, Weight.CONFIRMS_BROWSER, "browser_confirmed",
                    "a current " + family.displayName() + " sent every header of a top-level click"));
        }
    }

    private BrowserConsistency() {
    }

    /**
     * Adds this signal's evidence for a request whose agent is not a known bot.
     *
     * @param browser the browser the agent claims, or null when unrecognised
     * @param stale   whether {@link StaleBrowsers} found it stale (a stale browser is never confirmed)
     */
    public static void check(RequestHeaders headers, BrowserVersion browser, boolean stale, List<Evidence> out) {
        int before = out.size();
        String language = headers.get("Accept-Language");
        if (language == null || language.isBlank()) {
            out.add(ACCEPT_LANGUAGE_MISSING);
        }
        if (!containsIgnoreCase(headers.get("Accept"), "text/html")) {
            out.add(ACCEPT_NOT_HTML);
        }
        if (browser == null) {
            out.add(UNKNOWN);
            return;
        }
        // Safari never sends Sec-Fetch-User, so only mode and destination are required.
        if (browser.sendsFetchMetadata() && !("navigate".equalsIgnoreCase(headers.get("Sec-Fetch-Mode"))
                && "document".equalsIgnoreCase(headers.get("Sec-Fetch-Dest")))) {
            out.add(FETCH_METADATA_MISSING);
        }
        if (out.size() == before && !stale) {
            out.add(CONFIRMED.get(browser.family()));
        }
    }

    static boolean containsIgnoreCase(String value, String part) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i + part.length() <= value.length(); i++) {
            if (value.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }
}
