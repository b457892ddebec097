package dev.linkgate.core.request;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The network a client address belongs to for fan-out and fingerprints: its /24 for IPv4, its /48 for IPv6.
 * Scanners fetch one link from several hosts of a pool; a person's retries come from one network.
 */
public final class ClientNetwork {
    private ClientNetwork() {
    }

    /** A compact 64-bit id of the client's network; IPv4 and IPv6 ids never collide. */
    public static long idOf(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return 0x4_0000_0000L | ((b[0] & 0xffL) << 16) | ((b[1] & 0xffL) << 8) | (b[2] & 0xffL);
        }
        long v = 0x6L << 48;
        for (int i = 0; i < 6; i++) {
            v |= (b[i] & 0xffL) << (8 * (5 - i));
        }
        return v;
    }

    /** Human-readable form, for explain traces: 203.0.113.0/24 or 2001:db8:1::/48. */
    public static String describe(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + ".0/24";
        }
        return String.format("%x:%x:%x::/48", ((b[0] & 0xff) << 8) | (b[1] & 0xff),
                ((b[2] & 0xff) << 8) | (b[3] & 0xff), ((b[4] & 0xff) << 8) | (b[5] & 0xff));
    }
}
