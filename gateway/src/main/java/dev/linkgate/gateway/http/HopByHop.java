package dev.linkgate.gateway.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;

import java.util.List;

/** Headers that describe one connection, not the message: never passed across the proxy, either way. */
public final class HopByHop {
    private static final List<CharSequence> NAMES = List.of(HttpHeaderNames.CONNECTION, AsciiString.cached("keep-alive"),
            AsciiString.cached("proxy-connection"), HttpHeaderNames.TE, HttpHeaderNames.TRAILER,
            HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.UPGRADE, HttpHeaderNames.PROXY_AUTHORIZATION,
            HttpHeaderNames.PROXY_AUTHENTICATE);

    private HopByHop() {
    }

    /**
     * Removes the hop-by-hop headers and every header the Connection header names, except the message's framing
     * (Content-Length) and Host, which a Connection header must not be able to take away.
     */
    public static void strip(HttpHeaders headers) {
        for (String connection : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : connection.split(",")) {
                String name = token.trim();
                if (!name.isEmpty() && !HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)
                        && !HttpHeaderNames.HOST.contentEqualsIgnoreCase(name)) {
                    headers.remove(name);
                }
            }
        }
        for (CharSequence name : NAMES) {
            headers.remove(name);
        }
    }
}
