package dev.linkgate.gateway.http;

import io.netty.util.NetUtil;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Predicate;

/**
 * Who the client is: when the peer is a trusted proxy, the rightmost X-Forwarded-For hop that is not itself a
 * trusted proxy; otherwise the peer. A peer we do not trust can write anything into X-Forwarded-For, so its
 * header is ignored. Pure: no channel, no DNS (hops are parsed as IP literals only).
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    /**
     * @param peer         the address that connected to us (or the PROXY protocol's source)
     * @param forwardedFor every X-Forwarded-For header line, in order
     * @param trusted      which addresses are our own proxies
     */
    public static InetAddress resolve(InetAddress peer, List<String> forwardedFor, Predicate<InetAddress> trusted) {
        InetAddress client = normalize(peer);
        if (forwardedFor.isEmpty() || !trusted.test(client)) {
            return client;
        }
        for (int line = forwardedFor.size() - 1; line >= 0; line--) {
            String[] hops = forwardedFor.get(line).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                InetAddress hop = parse(hops[i]);
                if (hop == null) {
                    // Garbage where an address should be: only what our proxies vouched for so far is known.
                    return client;
                }
                client = hop;
                if (!trusted.test(hop)) {
                    return hop;
                }
            }
        }
        return client;
    }

    /** An IP literal as proxies write it (1.2.3.4, 1.2.3.4:5678, 2001:db8::1, [2001:db8::1]:443), else null. */
    static InetAddress parse(String hop) {
        String s = hop.trim();
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            s = end < 0 ? "" : s.substring(1, end);
        } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            s = s.substring(0, s.indexOf(':'));
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(s);
        if (bytes == null) {
            return null;
        }
        try {
            return normalize(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** IPv4-mapped IPv6 (::ffff:a.b.c.d, seen on dual-stack sockets) becomes plain IPv4. */
    static InetAddress normalize(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = b[i] == 0;
            }
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    return address;
                }
            }
        }
        return address;
    }
}
