package dev.linkgate.gateway.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import dev.linkgate.gateway.http1.RequestHead;

/**
 * What a request's Upgrade header asks for. Only WebSocket (RFC 6455: an HTTP/1.1 GET) is passed through, and
 * only on non-link paths. An h2c upgrade is ignored, as RFC 9110 section 7.8 lets a server do: the request is
 * answered over HTTP/1.1 (clients such as curl --http2 and the JDK HttpClient send it on every first plain
 * request and carry on in HTTP/1.1). Anything else is refused.
 */
public enum Upgrade {
    NONE, WEBSOCKET, H2C, OTHER;

    public static Upgrade of(RequestHead head) {
        String protocol = head.header("Upgrade");
        if (protocol == null) {
            return NONE;
        }
        String first = protocol.split(",", 2)[0].strip();
        if ("h2c".equalsIgnoreCase(first)) {
            return H2C;
        }
        if ("websocket".equalsIgnoreCase(first) && "GET".equals(head.method()) && !head.http10()
                && connectionUpgrade(head)) {
            return WEBSOCKET;
        }
        return OTHER;
    }

    private static boolean connectionUpgrade(RequestHead head) {
        for (String value : head.headers("Connection")) {
            for (String token : value.split(",")) {
                if ("upgrade".equalsIgnoreCase(token.strip())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The headers an accepted WebSocket upgrade carries across, after the hop-by-hop headers were removed. */
    static void restoreWebSocket(HttpHeaders h) {
        h.set(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET);
        h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
    }
}
