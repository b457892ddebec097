package dev.linkgate.gateway.http1;

import java.nio.charset.StandardCharsets;

/**
 * The field names linkgate reads or edits, as small ids found once per field line while parsing; every other
 * name is {@link #OTHER} and is never turned into a String.
 */
final class FieldName {
    static final int OTHER = 0;
    static final int HOST = 1;
    static final int CONTENT_LENGTH = 2;
    static final int TRANSFER_ENCODING = 3;
    static final int CONNECTION = 4;
    static final int EXPECT = 5;
    static final int COOKIE = 6;
    static final int X_FORWARDED_FOR = 7;
    static final int X_FORWARDED_PROTO = 8;
    static final int X_FORWARDED_HOST = 9;
    static final int USER_AGENT = 10;
    static final int ACCEPT = 11;
    static final int ACCEPT_LANGUAGE = 12;
    static final int SEC_FETCH_MODE = 13;
    static final int SEC_FETCH_DEST = 14;
    // Hop-by-hop (HopByHop's list): never forwarded.
    static final int KEEP_ALIVE = 15;
    static final int PROXY_CONNECTION = 16;
    static final int TE = 17;
    static final int TRAILER = 18;
    static final int UPGRADE = 19;
    static final int PROXY_AUTHORIZATION = 20;
    static final int PROXY_AUTHENTICATE = 21;
    // What a continue's POST carries that its forwarded GET must not.
    static final int CONTENT_TYPE = 22;
    static final int CONTENT_ENCODING = 23;
    static final int ORIGIN = 24;

    private static final String[] NAMES = {null, "host", "content-length", "transfer-encoding", "connection",
        "expect", "cookie", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "user-agent", "accept",
        "accept-language", "sec-fetch-mode", "sec-fetch-dest", "keep-alive", "proxy-connection", "te", "trailer",
        "upgrade", "proxy-authorization", "proxy-authenticate", "content-type", "content-encoding", "origin"};
    static final byte[][] LOWER = new byte[NAMES.length][];
    /** By name length: the ids with that length, so a field name is compared with one or two candidates. */
    private static final int[][] BY_LENGTH = new int[20][];

    static {
        int[] counts = new int[BY_LENGTH.length];
        for (int id = 1; id < NAMES.length; id++) {
            LOWER[id] = NAMES[id].getBytes(StandardCharsets.US_ASCII);
            counts[NAMES[id].length()]++;
        }
        for (int length = 0; length < BY_LENGTH.length; length++) {
            BY_LENGTH[length] = new int[counts[length]];
        }
        for (int id = NAMES.length - 1; id >= 1; id--) {
            int length = NAMES[id].length();
            BY_LENGTH[length][--counts[length]] = id;
        }
    }

    private FieldName() {
    }

    /** The id of the token name {@code bytes[start, end)}, ignoring case. */
    static int of(byte[] bytes, int start, int end) {
        int length = end - start;
        if (length >= BY_LENGTH.length) {
            return OTHER;
        }
        for (int id : BY_LENGTH[length]) {
            if (HttpBytes.equalsLower(bytes, start, end, LOWER[id])) {
                return id;
            }
        }
        return OTHER;
    }

    /**
     * The id of a header name asked for by its text (ASCII letters in either case; any other character only as itself), so
     * that a look-up by name compares the ids the parser found instead of every field's bytes.
     */
    static int of(String name) {
        int length = name.length();
        if (length >= BY_LENGTH.length) {
            return OTHER;
        }
        for (int id : BY_LENGTH[length]) {
            byte[] lower = LOWER[id];
            int k = 0;
            while (k < length) {
                char c = name.charAt(k);
                if (c != lower[k] && !(c >= 'A' && c <= 'Z' && (c | 0x20) == lower[k])) {
                    break;
                }
                k++;
            }
            if (k == length) {
                return id;
            }
        }
        return OTHER;
    }

    /** Headers that describe one connection (HopByHop's list): dropped on the way to the upstream. */
    static boolean isHopByHop(int id) {
        return id == CONNECTION || id == TRANSFER_ENCODING || id >= KEEP_ALIVE && id <= PROXY_AUTHENTICATE;
    }

    /** The fields a continue's POST carries for its body and origin, dropped when it is forwarded as a GET. */
    static boolean isBodyOrOrigin(int id) {
        return id == CONTENT_LENGTH || id == CONTENT_TYPE || id == CONTENT_ENCODING || id == ORIGIN;
    }

    static String name(int id) {
        return NAMES[id];
    }
}
