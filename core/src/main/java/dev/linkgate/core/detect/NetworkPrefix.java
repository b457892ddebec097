package dev.linkgate.core.detect;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 network read from a scanner list. Parsed without any name lookup. IPv4-mapped IPv6
 * networks (::ffff:a.b.c.d/n, n at least 96) become the IPv4 network they name.
 *
 * @param address      4 or 16 bytes, host bits zero
 * @param prefixLength 0..32 or 0..128
 */
public record NetworkPrefix(byte[] address, int prefixLength) {

    public boolean isIpv4() {
        return address.length == 4;
    }

    /** Parses {@code 40.92.0.0/15}, {@code 2a01:111:f400::/48} or a bare address. */
    public static NetworkPrefix parse(String text) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        byte[] address = host.indexOf(':') >= 0 ? parseIpv6(host) : parseIpv4(host);
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            prefix = parseInt(text.substring(slash + 1), "prefix length in '" + text + "'");
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix length " + prefix + " out of range 0.." + bits + " in '"
                        + text + "'");
            }
        }
        if (address.length == 16 && isIpv4Mapped(address)) {
            if (prefix < 96) {
                throw new IllegalArgumentException("an IPv4-mapped network needs a prefix of at least 96: '" + text
                        + "'");
            }
            address = new byte[] {address[12], address[13], address[14], address[15]};
            prefix -= 96;
        }
        for (int bit = prefix; bit < address.length * 8; bit++) {
            if ((address[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                throw new IllegalArgumentException("host bits are set in '" + text + "' (prefix /" + prefix + ")");
            }
        }
        return new NetworkPrefix(address, prefix);
    }

    /** True for ::ffff:a.b.c.d. */
    static boolean isIpv4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    private static byte[] parseIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: '" + host + "'");
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = parseInt(parts[i], "IPv4 address '" + host + "'");
            if (octet < 0 || octet > 255 || parts[i].length() > 3) {
                throw new IllegalArgumentException("not an IPv4 address: '" + host + "'");
            }
            out[i] = (byte) octet;
        }
        return out;
    }

    private static byte[] parseIpv6(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':'
                    || c == '.';
            if (!ok) {
                throw new IllegalArgumentException("not an IPv6 address: '" + host + "'");
            }
        }
        try {
            // A literal with ':' is parsed as an IPv6 address; no name is ever looked up.
            byte[] raw = InetAddress.getByName(host).getAddress();
            if (raw.length == 16) {
                return raw;
            }
            byte[] mapped = new byte[16]; // Java hands ::ffff:a.b.c.d back as IPv4
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(raw, 0, mapped, 12, 4);
            return mapped;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address: '" + host + "'");
        }
    }

    private static int parseInt(String s, String what) {
        if (s.isEmpty() || s.length() > 3) {
            throw new IllegalArgumentException("bad " + what);
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("bad " + what);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
