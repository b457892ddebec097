package dev.linkgate.gateway.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

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
        // One pass over the names instead of a hashed remove per hop-by-hop name: most messages carry none, or
        // only Connection.
        List<CharSequence> found = null;
        boolean connection = false;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext(); ) {
            CharSequence name = it.next().getKey();
            if (isHopByHop(name)) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(name);
                connection |= HttpHeaderNames.CONNECTION.contentEqualsIgnoreCase(name);
            }
        }
        if (found == null) {
            return;
        }
        if (connection) {
            for (String value : headers.getAll(HttpHeaderNames.CONNECTION)) {
                for (String token : value.split(",")) {
                    String name = token.trim();
                    if (!name.isEmpty() && !HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)
                            && !HttpHeaderNames.HOST.contentEqualsIgnoreCase(name)) {
                        headers.remove(name);
                    }
                }
            }
        }
        for (CharSequence name : found) {
            headers.remove(name);
        }
    }

    private static boolean isHopByHop(CharSequence name) {
        int length = name.length();
        for (int i = 0; i < NAMES.size(); i++) {
            CharSequence hop = NAMES.get(i);
            if (hop.length() == length && AsciiString.contentEqualsIgnoreCase(hop, name)) {
                return true;
            }
        }
        return false;
    }
}
