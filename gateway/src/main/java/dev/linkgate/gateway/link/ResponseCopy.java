package dev.linkgate.gateway.link;

import dev.linkgate.core.ledger.SharedResponse;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A copy of a forwarded response for the same browser's double click, taken while it streams to the client:
 * at most {@code max} body bytes, beyond which no copy is kept at all. Framing headers are left out; a replay
 * sets its own Content-Length.
 */
final class ResponseCopy {
    private final int max;
    private int status;
    private List<Map.Entry<String, String>> headers;
    private ByteArrayOutputStream body;
    private boolean tooLarge;

    ResponseCopy(int max) {
        this.max = max;
    }

    void head(HttpResponse response) {
        status = response.status().code();
        headers = new ArrayList<>(response.headers().size());
        for (Map.Entry<String, String> h : response.headers()) {
            if (!HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(h.getKey())
                    && !HttpHeaderNames.TRANSFER_ENCODING.contentEqualsIgnoreCase(h.getKey())
                    && !HttpHeaderNames.CONNECTION.contentEqualsIgnoreCase(h.getKey())) {
                headers.add(Map.entry(h.getKey(), h.getValue()));
            }
        }
        long length = HttpUtil.getContentLength(response, -1L);
        tooLarge = length > max;
        body = tooLarge ? null : new ByteArrayOutputStream((int) Math.max(0, Math.min(length, max)));
    }

    void body(ByteBuf chunk) {
        if (tooLarge || body == null) {
            return;
        }
        int n = chunk.readableBytes();
        if (body.size() + (long) n > max) {
            tooLarge = true;
            body = null;
            return;
        }
        if (n > 0) {
            byte[] bytes = new byte[n];
            chunk.getBytes(chunk.readerIndex(), bytes);
            body.writeBytes(bytes);
        }
    }

    boolean tooLarge() {
        return tooLarge;
    }

    /**
     * The copy, or null when the response was too large or never came, or has a header the copy's format cannot
     * hold (a value over 64 KB once encoded): then the link is settled without a copy, as for a large body.
     */
    SharedResponse result() {
        if (tooLarge || body == null) {
            return null;
        }
        try {
            return new SharedResponse(status, headers, body.toByteArray());
        } catch (UncheckedIOException headerTooLong) {
            return null;
        }
    }
}
