package dev.linkgate.gateway.page;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** The per-response nonce that lets the page's own inline style and script run under its CSP, and nothing else. */
final class CspNonce {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** CSP's base64-value: it goes into a header and an attribute, so nothing else may pass. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9+/_-]{16,128}={0,2}");

    private CspNonce() {
    }

    static String next() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String check(String nonce) {
        if (nonce == null || !VALID.matcher(nonce).matches()) {
            throw new IllegalArgumentException("not a CSP nonce (use InterstitialPage.newNonce())");
        }
        return nonce;
    }
}
