package dev.linkgate.gateway.proxy;

import dev.linkgate.gateway.http.HopByHop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpVersion;


/** Rewrites an upstream's response head for the client (the request head is written by {@code HeadWriter}). */
public final class ForwardHeaders {
    private ForwardHeaders() {
    }

    /**
     * Hop-by-hop headers go. A body without Content-Length is chunked to an HTTP/1.1 client and close-delimited
     * to an HTTP/1.0 one (which cannot read chunks).
     */
    public static void toClient(HttpMessage response, boolean mayHaveBody, boolean http10Client) {
        HttpHeaders h = response.headers();
        HopByHop.strip(h);
        if (mayHaveBody && !h.contains(HttpHeaderNames.CONTENT_LENGTH) && !http10Client) {
            h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
    }
}
