package dev.linkgate.gateway.http1;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;

/** Test helpers: a request as text with "\r\n" written out, parsed with the gateway's default limits. */
final class Heads {
    static final int MAX_LINE = 8192;
    static final int MAX_HEADER = 16384;

    private Heads() {
    }

    static ByteBuf bytes(String latin1) {
        return Unpooled.copiedBuffer(latin1, StandardCharsets.ISO_8859_1);
    }

    /** The head of {@code request}, which must be complete and valid. */
    static RequestHead parse(String request) throws RequestRejected {
        ByteBuf in = bytes(request);
        try {
            RequestHead head = new RequestHeadParser(MAX_LINE, MAX_HEADER).parse(in);
            if (head == null) {
                throw new AssertionError("incomplete head: " + request);
            }
            return head;
        } finally {
            in.release();
        }
    }

    /** The status the parser refuses {@code request} with, or 0 when it accepts it (or waits for more). */
    static int status(String request) {
        ByteBuf in = bytes(request);
        try {
            new RequestHeadParser(MAX_LINE, MAX_HEADER).parse(in);
            return 0;
        } catch (RequestRejected e) {
            return e.status();
        } finally {
            in.release();
        }
    }

    static String get(String fields) {
        return "GET / HTTP/1.1\r\nHost: example.com\r\n" + fields + "\r\n";
    }
}
