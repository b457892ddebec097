package dev.linkgate.gateway.http1;

import java.util.Arrays;

/**
 * The field names a request's Connection header lists (RFC 9110 7.6.1): those fields describe the client's
 * connection and are not forwarded, except Content-Length and Host, which a Connection header must not be
 * able to take away (HopByHop's rule).
 */
final class ConnectionTokens {
    private static final ConnectionTokens NONE = new ConnectionTokens(new int[0], 0);

    private final int[] ranges;
    private final int count;

    private ConnectionTokens(int[] ranges, int count) {
        this.ranges = ranges;
        this.count = count;
    }

    static ConnectionTokens of(RequestHead head) {
        return of(head.bytes, head.fields, head.fieldCount);
    }

    /** The same for a head's bytes and field table (a request's or a response's). */
    static ConnectionTokens of(byte[] b, int[] fields, int fieldCount) {
        int[] ranges = null;
        int count = 0;
        for (int i = 0; i < fieldCount; i++) {
            int at = i * RequestHead.STRIDE;
            if (fields[at + RequestHead.ID] != FieldName.CONNECTION) {
                continue;
            }
            int end = fields[at + RequestHead.VALUE_END];
            for (int t = fields[at + RequestHead.VALUE_START]; t <= end; ) {
                int comma = HttpBytes.itemEnd(b, t, end, (byte) ',');
                int s = HttpBytes.skipOws(b, t, comma);
                int e = HttpBytes.trimOws(b, s, comma);
                int id = FieldName.of(b, s, e);
                if (s < e && id != FieldName.CONTENT_LENGTH && id != FieldName.HOST) {
                    ranges = ranges == null ? new int[8] : count * 2 + 2 > ranges.length
                            ? Arrays.copyOf(ranges, ranges.length * 2) : ranges;
                    ranges[count * 2] = s;
                    ranges[count * 2 + 1] = e;
                    count++;
                }
                t = comma + 1;
            }
        }
        return ranges == null ? NONE : new ConnectionTokens(ranges, count);
    }

    /** Whether field {@code i} of {@code head} is one the Connection header names. */
    boolean names(RequestHead head, int i) {
        return names(head.bytes, head.fields, i);
    }

    boolean names(byte[] b, int[] fields, int i) {
        if (count == 0) {
            return false;
        }
        int at = i * RequestHead.STRIDE;
        int start = fields[at + RequestHead.NAME_START];
        int length = fields[at + RequestHead.NAME_END] - start;
        for (int t = 0; t < count; t++) {
            int s = ranges[t * 2];
            if (ranges[t * 2 + 1] - s == length && sameIgnoringCase(b, s, start, length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameIgnoringCase(byte[] b, int a, int c, int length) {
        for (int k = 0; k < length; k++) {
            if (lower(b[a + k]) != lower(b[c + k])) {
                return false;
            }
        }
        return true;
    }

    private static int lower(byte x) {
        return x >= 'A' && x <= 'Z' ? x + 32 : x;
    }
}
