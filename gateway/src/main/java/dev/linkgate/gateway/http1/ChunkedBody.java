package dev.linkgate.gateway.http1;

import java.io.ByteArrayOutputStream;

/**
 * The data of a whole chunked body whose framing {@link ChunkedBodyFramer} has already validated: the chunks'
 * data joined, extensions and trailers left out. For the few bodies linkgate reads itself (a continue's form);
 * everything else is relayed with its framing as it came.
 */
public final class ChunkedBody {
    private ChunkedBody() {
    }

    /** @param raw a complete chunked body, framed as the framer accepts */
    public static byte[] data(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        int p = 0;
        while (p < raw.length) {
            long size = 0;
            int digit;
            while (p < raw.length && (digit = HttpBytes.hexValue(raw[p])) >= 0) {
                size = size * 16 + digit;
                p++;
            }
            // Past any extension to the end of the size line.
            while (p < raw.length && raw[p] != '\n') {
                p++;
            }
            p++;
            if (size == 0) {
                break;
            }
            int n = (int) Math.min(size, raw.length - p);
            out.write(raw, p, n);
            p += n + 2;
        }
        return out.toByteArray();
    }
}
