package dev.linkgate.core.request;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A link's identity in the ledger: the first 128 bits of SHA-256 of its token. The ledger (and Redis)
 * never hold the token itself, which is a credential.
 */
public record LinkId(long high, long low) {

    public static LinkId of(String linkKey) {
        byte[] d = BrowserFingerprint.sha256().digest(linkKey.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        long l = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (d[i] & 0xff);
            l = (l << 8) | (d[i + 8] & 0xff);
        }
        return new LinkId(h, l);
    }

    /** 22 characters of base64url, for store keys. */
    public String key() {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (high >>> (56 - 8 * i));
            b[i + 8] = (byte) (low >>> (56 - 8 * i));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A token shown in logs: its first 4 characters, never more. */
    public static String redact(String linkKey) {
        if (linkKey == null) {
            return null;
        }
        return linkKey.length() <= 4 ? "****" : linkKey.substring(0, 4) + "…";
    }

    @Override
    public String toString() {
        return "LinkId[" + key() + "]";
    }
}
