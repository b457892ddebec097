package dev.linkgate.gateway.http1.previous;

import dev.linkgate.gateway.http.HopByHop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;


/**
 * How a client's request head was rewritten for the upstream before the byte-level path replaced it (main at
 * 1f7e053): the reference HeadWriterTest compares with.
 */
public final class ForwardHeaders {
    public static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
    public static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
    public static final AsciiString X_FORWARDED_HOST = AsciiString.cached("x-forwarded-host");

    private static final AsciiString HTTP = AsciiString.cached("http");
    private static final AsciiString HTTPS = AsciiString.cached("https");

    private ForwardHeaders() {
    }

    /**
     * Hop-by-hop headers go; X-Forwarded-For gets the peer (its address as text) appended (a peer we do not trust starts it afresh,
     * its X-Forwarded-* being unverifiable); X-Forwarded-Proto and -Host are set unless a trusted proxy set them;
     * Host is kept unless {@code preserveHost} is off. The body keeps its framing, re-chunked when it came chunked.
     */
    public static void toUpstream(HttpRequest request, String peer, boolean peerTrusted, String upstreamAuthority,
                                  boolean preserveHost) {
        toUpstream(request, peer, peerTrusted, upstreamAuthority, preserveHost, false);
    }

    /** As above; {@code secure}: the request came over TLS, so X-Forwarded-Proto is https. */
    public static void toUpstream(HttpRequest request, String peer, boolean peerTrusted, String upstreamAuthority,
                                  boolean preserveHost, boolean secure) {
        HttpHeaders h = request.headers();
        boolean chunked = HttpUtil.isTransferEncodingChunked(request);
        String host = h.get(HttpHeaderNames.HOST);
        HopByHop.strip(h);
        String previous = peerTrusted ? String.join(", ", h.getAll(X_FORWARDED_FOR)) : "";
        h.set(X_FORWARDED_FOR, previous.isBlank() ? peer : previous + ", " + peer);
        if (!peerTrusted || !h.contains(X_FORWARDED_PROTO)) {
            h.set(X_FORWARDED_PROTO, secure ? HTTPS : HTTP);
        }
        if (!peerTrusted || !h.contains(X_FORWARDED_HOST)) {
            if (host != null) {
                h.set(X_FORWARDED_HOST, host);
            } else {
                h.remove(X_FORWARDED_HOST);
            }
        }
        if (!preserveHost || host == null) {
            h.set(HttpHeaderNames.HOST, upstreamAuthority);
        }
        if (chunked) {
            h.remove(HttpHeaderNames.CONTENT_LENGTH);
            h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
    }
}
