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
        byte[] ua = userAgent == null ? null : userAgent.getBytes(StandardCharsets.UTF_8);
        byte[] lang = acceptLanguage == null ? null : acceptLanguage.getBytes(StandardCharsets.UTF_8);
        // One array, one digest call: network id, then each header as 0 (absent) or 1, length, bytes.
        byte[] in = new byte[8 + sizeOf(ua) + sizeOf(lang)];
        for (int i = 0; i < 8; i++) {
            in[i] = (byte) (networkId >>> (8 * (7 - i)));
        }
        int at = put(in, 8, ua);
        put(in, at, lang);
        byte[] d = sha256().digest(in);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return v;
    }

    private static int sizeOf(byte[] field) {
        return field == null ? 1 : 3 + field.length;
    }

    private static int put(byte[] into, int at, byte[] field) {
        if (field == null) {
            into[at] = 0;
            return at + 1;
        }
        into[at] = 1;
        into[at + 1] = (byte) (field.length >>> 8);
        into[at + 2] = (byte) field.length;
        System.arraycopy(field, 0, into, at + 3, field.length);
        return at + 3 + field.length;
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(BrowserFingerprint::newSha256);

    /**
     * This thread's SHA-256. Every use ends with {@code digest(bytes)}, which resets it and cannot fail half-way,
     * so it is always clean here: a second reset was a tenth of the two hashes' cost.
     */
    static MessageDigest sha256() {
        return SHA256.get();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
