// PLACEHOLDER (page branch)
package dev.linkgate.gateway.page;

import dev.linkgate.core.config.InterstitialConfig;
import dev.linkgate.core.policy.ContinueForm;
import dev.linkgate.core.policy.Interstitial;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** PLACEHOLDER (page branch): the integrator takes the page branch's version. */
public final class InterstitialPage {
    private static final SecureRandom RANDOM = new SecureRandom();

    private InterstitialPage() {
    }

    public static InterstitialPage create(InterstitialConfig config) {
        return new InterstitialPage();
    }

    public Page continuePage(Interstitial interstitial, String acceptLanguage, String cspNonce) {
        String html = "<!doctype html><html><body><form method=\"post\">"
                + "<input type=\"hidden\" name=\"" + ContinueForm.TOKEN_FIELD + "\" value=\"" + interstitial.token() + "\">"
                + "<button>Continue</button></form></body></html>";
        return new Page(200, html.getBytes(StandardCharsets.UTF_8), "en");
    }

    public Page problemPage(Problem problem, String acceptLanguage, String cspNonce) {
        int status = switch (problem) {
            case TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REPLAYED, GESTURE_REQUIRED -> 403;
            case UPSTREAM_UNAVAILABLE -> 502;
            case UPSTREAM_TIMEOUT -> 504;
            case BAD_REQUEST -> 400;
        };
        String html = "<!doctype html><html><body><p>" + problem + "</p></body></html>";
        return new Page(status, html.getBytes(StandardCharsets.UTF_8), "en");
    }

    public enum Problem { TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REPLAYED, GESTURE_REQUIRED, UPSTREAM_UNAVAILABLE, UPSTREAM_TIMEOUT, BAD_REQUEST }

    public record Page(int status, byte[] html, String contentLanguage) {
    }

    public static List<Map.Entry<String, String>> securityHeaders(String cspNonce) {
        return List.of(
                Map.entry("Content-Type", "text/html; charset=utf-8"),
                Map.entry("Cache-Control", "no-store"),
                Map.entry("Referrer-Policy", "no-referrer"),
                Map.entry("X-Robots-Tag", "noindex"),
                Map.entry("X-Content-Type-Options", "nosniff"),
                Map.entry("Content-Security-Policy",
                        "default-src 'none'; script-src 'nonce-" + cspNonce + "'; frame-ancestors 'none'"));
    }

    public static String newNonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
