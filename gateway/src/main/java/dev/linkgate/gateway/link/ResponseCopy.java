package dev.linkgate.gateway.link;

import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.gateway.http1.ChunkedBodyFramer;
import dev.linkgate.gateway.http1.RequestRejected;
import dev.linkgate.gateway.http1.ResponseHead;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;

/**
 * A copy of a forwarded response for the same browser's double click, taken while it streams to the client:
 * at most {@code max} body bytes, beyond which no copy is kept at all. Framing headers are left out; a replay
 * sets its own Content-Length. The response comes either as bytes relayed to an HTTP/1.1 client (a chunked
 * body with its framing, which the copy takes off) or as Netty's objects (an HTTP/2 or HTTP/1.0 client).
 */
final class ResponseCopy {
    /**
     * No trailer budget of its own for a relayed chunked body: the upstream codec framed the same bytes within
     * its budget first, and a smaller one here would drop the copy of a response the client received whole.
     */
    private static final int TRAILER_BUDGET = Integer.MAX_VALUE;

    private final int max;
    private int status;
    private SharedResponse.Builder fields;
    private byte[] body;
    private int size;
    /** The relayed body's chunk framing, taken off as the pieces pass; null when the body is not chunked. */
    private ChunkedBodyFramer chunks;
    private final ChunkedBodyFramer.ChunkData keep = this::keep;
    private boolean tooLarge;

    ResponseCopy(int max) {
        this.max = max;
    }

    /** The head of a response relayed as bytes. */
    void head(ResponseHead response) {
        status = response.status();
        fields = new SharedResponse.Builder();
        try {
            response.forEachEndToEndField(fields::field);
        } catch (UncheckedIOException headerTooLong) {
            drop();
            return;
        }
        chunks = response.framing() == ResponseHead.Framing.CHUNKED ? new ChunkedBodyFramer(TRAILER_BUDGET) : null;
        start(response.contentLength());
    }

    /** The head of a response decoded into Netty's objects (hop-by-hop headers already removed). */
    void head(HttpResponse response) {
        status = response.status().code();
        fields = new SharedResponse.Builder();
        try {
            for (Map.Entry<String, String> h : response.headers()) {
                if (!HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(h.getKey())
                        && !HttpHeaderNames.TRANSFER_ENCODING.contentEqualsIgnoreCase(h.getKey())
                        && !HttpHeaderNames.CONNECTION.contentEqualsIgnoreCase(h.getKey())) {
                    fields.field(h.getKey(), h.getValue());
                }
            }
        } catch (UncheckedIOException headerTooLong) {
            drop();
            return;
        }
        chunks = null;
        start(HttpUtil.getContentLength(response, -1L));
    }

    private void start(long length) {
        tooLarge = length > max;
        body = tooLarge ? null : new byte[(int) Math.max(0, Math.min(length, max))];
        size = 0;
    }

    /** A piece of the body: the data itself, or, for a relayed chunked body, the bytes as framed. */
    void body(ByteBuf piece) {
        if (tooLarge || body == null) {
            return;
        }
        if (chunks == null) {
            keep(piece, piece.readerIndex(), piece.readableBytes());
            return;
        }
        try {
            chunks.frame(piece, keep);
        } catch (RequestRejected e) {
            // The upstream codec framed the same bytes without complaint; if this copy cannot, it keeps none.
            drop();
        }
    }

    private void keep(ByteBuf in, int index, int n) {
        if (body == null || n == 0) {
            return;
        }
        if (size + (long) n > max) {
            drop();
            return;
        }
        if (size + n > body.length) {
            body = Arrays.copyOf(body, (int) Math.min(max, Math.max(size + (long) n, body.length * 2L)));
        }
        in.getBytes(index, body, size, n);
        size += n;
    }

    private void drop() {
        tooLarge = true;
        body = null;
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
            return fields.build(status, body, size);
        } catch (UncheckedIOException headerTooLong) {
            return null;
        }
    }
}
