package dev.linkgate.gateway.page;

import dev.linkgate.core.token.RandomBytes;

import java.util.Base64;

/** The per-response nonce that lets the page's own inline style and script run under its CSP, and nothing else. */
final class CspNonce {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final int MIN = 16;
    private static final int MAX = 128;

    private CspNonce() {
    }

    static String next() {
        byte[] b = RandomBytes.next(18);
        return BASE64URL.encodeToString(b);
    }

    static String check(String nonce) {
        if (!valid(nonce)) {
            throw new IllegalArgumentException("not a CSP nonce (use InterstitialPage.newNonce())");
        }
        return nonce;
    }

    /**
     * CSP's base64-value, [A-Za-z0-9+/_-]{16,128} then up to two '=': it goes into a header and an attribute,
     * so nothing else may pass. A loop, as it runs for every page.
     */
    private static boolean valid(String nonce) {
        if (nonce == null) {
            return false;
        }
        int body = 0;
        while (body < nonce.length() && base64(nonce.charAt(body))) {
            body++;
        }
        if (body < MIN || body > MAX || nonce.length() - body > 2) {
            return false;
        }
        for (int i = body; i < nonce.length(); i++) {
            if (nonce.charAt(i) != '=') {
                return false;
            }
        }
        return true;
    }

    private static boolean base64(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '+' || c == '/' || c == '_' || c == '-';
    }
}
