package dev.linkgate.gateway.page;

/**
 * Escapes a value for HTML text and for quoted attribute values. Every value the page shows passes through
 * here, whether it came from a request, a token or the operator's config.
 */
final class HtmlText {
    private HtmlText() {
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = replacement(c);
            if (replacement == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            out.append(replacement);
        }
        return out == null ? value : out.toString();
    }

    /**
     * The length in bytes of the escaped value when it is all ASCII (then UTF-8 is one byte a char), or -1 when
     * it is not. Per-response values (nonce, token, proof) are ASCII, so they are escaped straight into the page.
     */
    static int asciiLength(String value) {
        if (value == null) {
            return 0;
        }
        int length = value.length();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                return -1;
            }
            String replacement = replacement(c);
            if (replacement != null) {
                length += replacement.length() - 1;
            }
        }
        return length;
    }

    /** Writes an ASCII value escaped, {@link #asciiLength} bytes, at {@code at}; returns the index after it. */
    static int writeAscii(String value, byte[] out, int at) {
        if (value == null) {
            return at;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = replacement(c);
            if (replacement == null) {
                out[at++] = (byte) c;
            } else {
                for (int j = 0; j < replacement.length(); j++) {
                    out[at++] = (byte) replacement.charAt(j);
                }
            }
        }
        return at;
    }

    private static String replacement(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            case '`' -> "&#96;";
            default -> null;
        };
    }
}
