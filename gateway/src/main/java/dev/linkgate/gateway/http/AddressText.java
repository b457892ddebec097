package dev.linkgate.gateway.http;

import io.netty.util.NetUtil;

import java.net.InetAddress;

/**
 * An address as text (RFC 5952 for IPv6, as X-Forwarded-For and the access log both write it), remembering
 * the last one: a connection usually carries one client's requests, so it is formatted once, not per request.
 * One per connection handler; not thread-safe.
 */
public final class AddressText {
    private InetAddress last;
    private String lastText;

    public String of(InetAddress address) {
        if (!address.equals(last)) {
            last = address;
            lastText = NetUtil.toAddressString(address);
        }
        return lastText;
    }
}
