package dev.linkgate.core.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Who a click came from, as far as a proxy can tell: client network + User-Agent + Accept-Language,
 * hashed to 64 bits. Used to recognise the same browser's double click and to bind continue tokens.
 */
public final class BrowserFingerprint {
    private BrowserFingerprint() {
    }

    public static long of(ClickRequest request) {
        return of(request.client() == null ? 0 : ClientNetwork.idOf(request.client()),
                request.headers().get("User-Agent"), request.headers().get("Accept-Language"));
    }

    public static long of(long networkId, String userAgent, String acceptLanguage) {
        MessageDigest sha = sha256();
        for (int i = 7; i >= 0; i--) {
            sha.update((byte) (networkId >>> (8 * i)));
        }
        update(sha, userAgent);
        update(sha, acceptLanguage);
        byte[] d = sha.digest();
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return v;
    }

    private static void update(MessageDigest sha, String s) {
        if (s == null) {
            sha.update((byte) 0);
            return;
        }
        sha.update((byte) 1);
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) (bytes.length >>> 8));
        sha.update((byte) bytes.length);
        sha.update(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
