package dev.linkgate.gateway.http1;

/** Byte classes of RFC 9110/9112, as lookup tables indexed by the unsigned byte. */
final class HttpBytes {
    static final byte CR = '\r';
    static final byte LF = '\n';
    static final byte SP = ' ';
    static final byte HTAB = '\t';

    /** tchar: the characters of a method, a field name, a transfer coding or a chunk extension name. */
    private static final boolean[] TOKEN = new boolean[256];
    /** field-vchar, SP and HTAB: what a field value (and a trailer's) may hold; obs-text is kept as today. */
    private static final boolean[] FIELD_CONTENT = new boolean[256];
    /** A request target: visible ASCII and obs-text (a raw UTF-8 path reaches the app as sent); no SP, CTL or DEL. */
    private static final boolean[] TARGET = new boolean[256];
    /** The characters of an authority (host, IP literal, port), for Host and an absolute-form target. */
    private static final boolean[] AUTHORITY = new boolean[256];
    /**
     * qdtext of a chunk extension's quoted string (RFC 9110 5.6.4) without obs-text: no CR, LF, other CTL, '"',
     * '\' or byte above 0x7E. Netty refuses obs-text there too (through an IndexOutOfBoundsException).
     */
    private static final boolean[] QDTEXT = new boolean[256];
    /** What may follow a '\' in a chunk extension's quoted string: HTAB, SP, VCHAR (obs-text as above). */
    private static final boolean[] QUOTED_PAIR = new boolean[256];

    static {
        for (int c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
            TOKEN[c - 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TOKEN[c] = true;
        }
        for (int c = 0x21; c <= 0xFF; c++) {
            boolean visible = c != 0x7F;
            FIELD_CONTENT[c] = visible;
            TARGET[c] = visible;
            QUOTED_PAIR[c] = c < 0x7F;
            QDTEXT[c] = c < 0x7F && c != '"' && c != '\\';
        }
        FIELD_CONTENT[SP] = true;
        FIELD_CONTENT[HTAB] = true;
        QUOTED_PAIR[SP] = true;
        QUOTED_PAIR[HTAB] = true;
        QDTEXT[SP] = true;
        QDTEXT[HTAB] = true;
        for (int c = '0'; c <= '9'; c++) {
            AUTHORITY[c] = true;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            AUTHORITY[c] = true;
            AUTHORITY[c - 32] = true;
        }
        for (char c : "-._~!$&'()*+,;=:[]%".toCharArray()) {
            AUTHORITY[c] = true;
        }
    }

    private HttpBytes() {
    }

    static boolean isToken(byte b) {
        return TOKEN[b & 0xFF];
    }

    static boolean isFieldContent(byte b) {
        return FIELD_CONTENT[b & 0xFF];
    }

    static boolean isTarget(byte b) {
        return TARGET[b & 0xFF];
    }

    static boolean isAuthority(byte b) {
        return AUTHORITY[b & 0xFF];
    }

    static boolean isQdtext(byte b) {
        return QDTEXT[b & 0xFF];
    }

    static boolean isQuotedPair(byte b) {
        return QUOTED_PAIR[b & 0xFF];
    }

    static boolean isOws(byte b) {
        return b == SP || b == HTAB;
    }

    /**
     * The end of the list item starting at {@code at}: the index of the next {@code delimiter} before
     * {@code end}, or {@code end}. Header lists (Connection's ',' and Cookie's ';') are walked item by item with it
     * and {@link #skipOws}/{@link #trimOws}, without allocating.
     */
    static int itemEnd(byte[] b, int at, int end, byte delimiter) {
        while (at < end && b[at] != delimiter) {
            at++;
        }
        return at;
    }

    /** {@link #connectionOptions}: the list holds {@code close}. */
    static final int CLOSE_OPTION = 1;
    /** {@link #connectionOptions}: the list holds {@code keep-alive}. */
    static final int KEEP_ALIVE_OPTION = 2;
    private static final byte[] CLOSE_TOKEN = {'c', 'l', 'o', 's', 'e'};
    private static final byte[] KEEP_ALIVE_TOKEN = {'k', 'e', 'e', 'p', '-', 'a', 'l', 'i', 'v', 'e'};

    /** Which of close and keep-alive a Connection value's comma-separated list in {@code [start, end)} holds. */
    static int connectionOptions(byte[] b, int start, int end) {
        int options = 0;
        for (int t = start; t < end; ) {
            int comma = itemEnd(b, t, end, (byte) ',');
            int s = skipOws(b, t, comma);
            int e = trimOws(b, s, comma);
            if (equalsIgnoreCase(b, s, e, CLOSE_TOKEN)) {
                options |= CLOSE_OPTION;
            } else if (equalsIgnoreCase(b, s, e, KEEP_ALIVE_TOKEN)) {
                options |= KEEP_ALIVE_OPTION;
            }
            t = comma + 1;
        }
        return options;
    }

    /** The first index in {@code [at, end)} that is not OWS, or {@code end}. */
    static int skipOws(byte[] b, int at, int end) {
        while (at < end && isOws(b[at])) {
            at++;
        }
        return at;
    }

    /** {@code end} moved back over trailing OWS, not before {@code start}. */
    static int trimOws(byte[] b, int start, int end) {
        while (end > start && isOws(b[end - 1])) {
            end--;
        }
        return end;
    }

    /** The hex digit's value, or -1. */
    static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        int lower = b | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    /**
     * Whether {@code bytes[start, end)} equals {@code lower} ignoring ASCII case. Only for token bytes, where
     * setting bit 0x20 lowers a letter and changes no other token character into a letter or '-'.
     */
    static boolean equalsLower(byte[] bytes, int start, int end, byte[] lower) {
        if (end - start != lower.length) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            if ((bytes[start + i] | 0x20) != lower[i]) {
                return false;
            }
        }
        return true;
    }

    /** As {@link #equalsLower} for any bytes (a value such as "chunked" or "close"). */
    static boolean equalsIgnoreCase(byte[] bytes, int start, int end, byte[] lower) {
        if (end - start != lower.length) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            byte b = bytes[start + i];
            if (b >= 'A' && b <= 'Z') {
                b += 32;
            }
            if (b != lower[i]) {
                return false;
            }
        }
        return true;
    }
}
