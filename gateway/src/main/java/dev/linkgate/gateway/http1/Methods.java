package dev.linkgate.gateway.http1;

import java.nio.charset.StandardCharsets;

/** Method names as shared String constants for the common methods, so parsing one allocates nothing. */
final class Methods {
    private static final String[] COMMON = {"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE",
        "CONNECT"};
    private static final byte[][] BYTES = new byte[COMMON.length][];

    static {
        for (int i = 0; i < COMMON.length; i++) {
            BYTES[i] = COMMON[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    private Methods() {
    }

    /** The method in {@code b[start, end)}, case-sensitive as RFC 9110 9.1 says. */
    static String of(byte[] b, int start, int end) {
        for (int i = 0; i < COMMON.length; i++) {
            byte[] m = BYTES[i];
            if (m.length == end - start && java.util.Arrays.equals(b, start, end, m, 0, m.length)) {
                return COMMON[i];
            }
        }
        return new String(b, start, end - start, StandardCharsets.US_ASCII);
    }
}
