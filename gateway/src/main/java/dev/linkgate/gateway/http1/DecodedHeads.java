package dev.linkgate.gateway.http1;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpRequest;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * A {@link RequestHead} for a request some other codec decoded (an HTTP/2 stream's, through Netty's conversion):
 * written out as an HTTP/1.1 head and parsed by the same parser, so the steps after see one type, checked by
 * one set of rules, whatever protocol the request came in.
 */
public final class DecodedHeads {
    private static final byte[] HTTP_1_1_CRLF = " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);

    private DecodedHeads() {
    }

    /** @throws RequestRejected when the request breaks a rule an HTTP/1.1 request is held to */
    public static RequestHead of(HttpRequest request, int maxRequestLine, int maxHeaderSize) throws RequestRejected {
        ByteBuf bytes = Unpooled.buffer(256);
        try {
            bytes.writeCharSequence(request.method().name(), StandardCharsets.ISO_8859_1);
            bytes.writeByte(' ');
            bytes.writeCharSequence(request.uri(), StandardCharsets.ISO_8859_1);
            bytes.writeBytes(HTTP_1_1_CRLF);
            for (Iterator<Map.Entry<CharSequence, CharSequence>> i = request.headers().iteratorCharSequence();
                 i.hasNext(); ) {
                Map.Entry<CharSequence, CharSequence> h = i.next();
                bytes.writeCharSequence(h.getKey(), StandardCharsets.ISO_8859_1);
                bytes.writeByte(':').writeByte(' ');
                bytes.writeCharSequence(h.getValue(), StandardCharsets.ISO_8859_1);
                bytes.writeByte('\r').writeByte('\n');
            }
            bytes.writeByte('\r').writeByte('\n');
            RequestHead head = new RequestHeadParser(maxRequestLine, maxHeaderSize).parse(bytes);
            if (head == null || bytes.isReadable()) {
                throw RequestRejected.badRequest("malformed decoded request");
            }
            return head;
        } finally {
            bytes.release();
        }
    }
}
