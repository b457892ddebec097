package dev.linkgate.core.history;

/** A client network's text (203.0.113.0/24, 2001:db8:1::/48) as six bytes and back. */
final class NetworkBytes {
    private NetworkBytes() {
    }

    static void write(String network, byte[] out, int at) {
        String host = network.substring(0, network.indexOf('/'));
        if (host.indexOf(':') < 0) {
            writeIpv4(host, out, at);
            return;
        }
        String[] groups = host.split(":", -1);
        for (int i = 0; i < 3 && i < groups.length && !groups[i].isEmpty(); i++) {
            int g = Integer.parseInt(groups[i], 16);
            out[at + 2 * i] = (byte) (g >>> 8);
            out[at + 2 * i + 1] = (byte) g;
        }
    }

    /** The first three octets, read in place: every decided click writes one (split and parse made five objects). */
    private static void writeIpv4(String host, byte[] out, int at) {
        int octet = 0;
        int part = 0;
        int digits = 0;
        for (int i = 0; i < host.length() && part < 3; i++) {
            char c = host.charAt(i);
            if (c == '.' && digits > 0) {
                out[at + part++] = (byte) octet;
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
    }

    static String read(byte[] p, int at, boolean ipv6) {
        if (!ipv6) {
            return (p[at] & 0xff) + "." + (p[at + 1] & 0xff) + "." + (p[at + 2] & 0xff) + ".0/24";
        }
        int a = (p[at] & 0xff) << 8 | (p[at + 1] & 0xff);
        int b = (p[at + 2] & 0xff) << 8 | (p[at + 3] & 0xff);
        int c = (p[at + 4] & 0xff) << 8 | (p[at + 5] & 0xff);
        return String.format("%x:%x:%x::/48", a, b, c);
    }
}
