package dev.linkgate.gateway.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;

/**
 * What a request's Upgrade header asks for. Only WebSocket (RFC 6455: an HTTP/1.1 GET) is passed through, and
 * only on non-link paths. An h2c upgrade is ignored, as RFC 9110 section 7.8 lets a server do: the request is
 * answered over HTTP/1.1 (clients such as curl --http2 and the JDK HttpClient send it on every first plain
 * request and carry on in HTTP/1.1). Anything else is refused.
 */
public enum Upgrade {
    NONE, WEBSOCKET, H2C, OTHER;

    public static Upgrade of(HttpRequest request) {
        HttpHeaders h = request.headers();
        String protocol = h.get(HttpHeaderNames.UPGRADE);
        if (protocol == null) {
            return NONE;
        }
        String first = protocol.split(",", 2)[0].strip();
        if ("h2c".equalsIgnoreCase(first)) {
            return H2C;
        }
        if (HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(first) && HttpMethod.GET.equals(request.method())
                && HttpVersion.HTTP_1_1.equals(request.protocolVersion())
                && h.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)) {
            return WEBSOCKET;
        }
        return OTHER;
    }

    /** The headers an accepted WebSocket upgrade carries across, after the hop-by-hop headers were removed. */
    static void restoreWebSocket(HttpHeaders h) {
        h.set(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET);
        h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
    }
}
