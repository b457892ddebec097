package dev.linkgate.core.history;

/**
 * A client network's text (203.0.113.0/24, 2001:db8:1::/48) as six bytes and back: the /24's three octets or
 * the /48's three groups, big-endian, in the low 48 bits of a long (unused bytes zero).
 */
final class NetworkBytes {
    private NetworkBytes() {
    }

    /** The network's six bytes in the low 48 bits. */
    static long bits(String network) {
        String host = network.substring(0, network.indexOf('/'));
        if (host.indexOf(':') < 0) {
            return ipv4(host);
        }
        long bits = 0;
        String[] groups = host.split(":", -1);
        for (int i = 0; i < 3 && i < groups.length && !groups[i].isEmpty(); i++) {
            bits |= (Integer.parseInt(groups[i], 16) & 0xffffL) << (32 - 16 * i);
        }
        return bits;
    }

    /** The first three octets, read in place: every decided click writes one (split and parse made five objects). */
    private static long ipv4(String host) {
        long bits = 0;
        int octet = 0;
        int part = 0;
        int digits = 0;
        for (int i = 0; i < host.length() && part < 3; i++) {
            char c = host.charAt(i);
            if (c == '.' && digits > 0) {
                bits |= (long) (octet & 0xff) << (40 - 8 * part++);
                octet = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                octet = octet * 10 + (c - '0');
                digits++;
            } else {
                throw new IllegalArgumentException("not an IPv4 network: " + host);
            }
        }
        if (part < 3) {
            throw new IllegalArgumentException("not an IPv4 network: " + host);
        }
        return bits;
    }

    static String read(long bits, boolean ipv6) {
        if (!ipv6) {
            return (bits >>> 40 & 0xff) + "." + (bits >>> 32 & 0xff) + "." + (bits >>> 24 & 0xff) + ".0/24";
        }
        return String.format("%x:%x:%x::/48", bits >>> 32 & 0xffff, bits >>> 16 & 0xffff, bits & 0xffff);
    }
}
