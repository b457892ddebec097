package dev.linkgate.gateway.http1;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Takes named cookies out of a Cookie field line (a link's session cookies, {@code links[].session-cookies}):
 * the other pairs are written as they came, joined by {@code "; "} (RFC 6265 5.4); a line left with no pair is
 * not written at all. Cookie names are compared exactly, as browsers do.
 */
final class SessionCookies {
    private SessionCookies() {
    }

    static void write(RequestHead head, int field, Set<String> names, ByteBuf out) {
        byte[] b = head.bytes;
        int at = field * RequestHead.STRIDE;
        int end = head.fields[at + RequestHead.VALUE_END];
        int written = -1;
        for (int p = head.fields[at + RequestHead.VALUE_START]; p <= end; ) {
            int semi = HttpBytes.itemEnd(b, p, end, (byte) ';');
            int s = HttpBytes.skipOws(b, p, semi);
            int e = HttpBytes.trimOws(b, s, semi);
            if (s < e && !names.contains(name(b, s, e))) {
                if (written < 0) {
                    int nameStart = head.fields[at + RequestHead.NAME_START];
                    out.writeBytes(b, nameStart, head.fields[at + RequestHead.NAME_END] - nameStart);
                    out.writeByte(':').writeByte(' ');
                    written = 0;
                } else {
                    out.writeByte(';').writeByte(' ');
                }
                out.writeBytes(b, s, e - s);
                written++;
            }
            p = semi + 1;
        }
        if (written > 0) {
            out.writeByte('\r').writeByte('\n');
        }
    }

    private static String name(byte[] b, int start, int end) {
        int e = HttpBytes.trimOws(b, start, HttpBytes.itemEnd(b, start, end, (byte) '='));
        return new String(b, start, e - start, StandardCharsets.ISO_8859_1);
    }
}
