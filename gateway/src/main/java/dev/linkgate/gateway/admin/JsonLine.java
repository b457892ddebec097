package dev.linkgate.gateway.admin;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One access log line being written, as UTF-8 bytes: the JSON is built straight into a byte array that is reused
 * line after line (one per thread), so a line costs no {@code StringBuilder}, {@code String} or encoding pass.
 * The bytes are what {@code String.getBytes(UTF_8)} gives for the same text, a lone surrogate included ('?').
 */
final class JsonLine {
    private byte[] bytes = new byte[512];
    private int length;

    void reset() {
        length = 0;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** The line as text, for a logger that needs a message. */
    String text() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** ASCII text as it is (the caller knows it needs no escaping). */
    JsonLine ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
        return this;
    }

    JsonLine ascii(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    JsonLine number(long v) {
        if (v == Long.MIN_VALUE) {
            return ascii(Long.toString(v));
        }
        ensure(20);
        if (v < 0) {
            bytes[length++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int at = length + digits;
        do {
            bytes[--at] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0);
        length += digits;
        return this;
    }

    /** {@code v} in decimal, left-padded with zeros to {@code width} digits. */
    JsonLine padded(int v, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            bytes[length + i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        length += width;
        return this;
    }

    /** A JSON string (RFC 8259): quotes, backslashes, control characters, U+2028 and U+2029 escaped; null as null. */
    JsonLine string(String s) {
        if (s == null) {
            return ascii("null");
        }
        int n = s.length();
        ensure(n + 2);
        bytes[length++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                ensure(1);
                bytes[length++] = (byte) c;
            } else {
                i = special(s, i, c);
            }
        }
        ensure(1);
        bytes[length++] = '"';
        return this;
    }

    /** Writes the character at {@code i} that needs escaping or encoding; returns the index of its last char. */
    private int special(String s, int i, char c) {
        switch (c) {
            case '"' -> ascii("\\\"");
            case '\\' -> ascii("\\\\");
            case '\n' -> ascii("\\n");
            case '\r' -> ascii("\\r");
            case '\t' -> ascii("\\t");
            default -> {
                if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                    ascii("\\u").hex4(c);
                } else if (c < 0x800) {
                    ensure(2);
                    bytes[length++] = (byte) (0xC0 | c >> 6);
                    bytes[length++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(i + 1));
                    ensure(4);
                    bytes[length++] = (byte) (0xF0 | cp >> 18);
                    bytes[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    bytes[length++] = (byte) (0x80 | cp & 0x3F);
                    return i + 1;
                } else if (Character.isSurrogate(c)) {
                    ascii('?'); // as String.getBytes(UTF_8) writes a lone surrogate
                } else {
                    ensure(3);
                    bytes[length++] = (byte) (0xE0 | c >> 12);
                    bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                    bytes[length++] = (byte) (0x80 | c & 0x3F);
                }
            }
        }
        return i;
    }

    private void hex4(int c) {
        ensure(4);
        for (int shift = 12; shift >= 0; shift -= 4) {
            bytes[length++] = (byte) "0123456789abcdef".charAt(c >> shift & 0xF);
        }
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
