package dev.linkgate.core.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network: 127.0.0.0/8, 2a01:111:f400::/48. A bare address is a /32 or /128.
 * {@link #parse} rejects host bits (10.0.0.1/8): written in a config, they mean either a typo in the address or
 * a prefix that was meant to be longer, and trusting a whole /8 by mistake is worse than stopping. The
 * constructor clears them, for networks computed from a client address.
 * An IPv4-mapped IPv6 network (::ffff:10.0.0.0/104) is the IPv4 network it maps (10.0.0.0/8), and
 * {@link #contains} matches an IPv4-mapped client address as the IPv4 address it is.
 */
public record Cidr(InetAddress network, int prefixLength) {
    public Cidr {
        Objects.requireNonNull(network, "network");
        byte[] bytes = network.getAddress();
        if (bytes.length == 16 && isIpv4Mapped(bytes) && prefixLength >= 96) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
            prefixLength -= 96;
        }
        if (prefixLength < 0 || prefixLength > bytes.length * 8) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range for " + network);
        }
        network = address(clearHostBits(bytes, prefixLength));
    }

    /**
     * Parses {@code address} or {@code address/prefix}. Only literal addresses: never a DNS lookup.
     *
     * @throws IllegalArgumentException with a message for the operator
     */
    public static Cidr parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        String host = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = host.indexOf(':') >= 0 ? parseIpv6(host) : parseIpv4(host);
        if (bytes == null) {
            throw notANetwork(text);
        }
        int bits = bytes.length * 8;
        int prefix = slash < 0 ? bits : parsePrefix(s.substring(slash + 1));
        if (prefix < 0 || prefix > bits) {
            throw notANetwork(text);
        }
        Cidr cidr = bits == 128 && isIpv4Mapped(bytes) && prefix >= 96
                ? new Cidr(address(Arrays.copyOfRange(bytes, 12, 16)), prefix - 96)
                : new Cidr(address(bytes), prefix);
        if (!Arrays.equals(bytes, clearHostBits(bytes, prefix))) {
            throw new IllegalArgumentException("\"" + text + "\" has host bits set: the network is " + cidr
                    + ", or write a longer prefix");
        }
        return cidr;
    }

    /** True when the address is in this network; an IPv4-mapped IPv6 address counts as its IPv4 address. */
    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /** As {@link #contains(InetAddress)}, for an address's bytes (4 or 16) read once for several networks. */
    public boolean contains(byte[] a) {
        byte[] n = network.getAddress();
        int offset = 0;
        if (a.length == 16 && n.length == 4 && isIpv4Mapped(a)) {
            offset = 12;
        } else if (a.length != n.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (a[offset + i] != n[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[offset + whole] & mask) == (n[whole] & mask);
    }

    public boolean isIpv4() {
        return !(network instanceof Inet6Address);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }

    private static byte[] parseIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            bytes[i] = (byte) v;
        }
        return bytes;
    }

    private static byte[] parseIpv6(String host) {
        // Checked first so that InetAddress only ever sees a literal and never resolves a name.
        boolean literal = !host.isEmpty() && (host.charAt(0) == ':' || Character.digit(host.charAt(0), 16) >= 0)
                && host.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        if (!literal) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(host).getAddress();
            if (bytes.length == 4) {
                // Java hands back IPv4-mapped literals as IPv4; keep the IPv6 form the prefix was written for.
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return mapped;
            }
            return bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static int parsePrefix(String s) {
        if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(s);
    }

    private static boolean isIpv4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    private static byte[] clearHostBits(byte[] bytes, int prefixLength) {
        byte[] out = bytes.clone();
        for (int bit = prefixLength; bit < out.length * 8; bit++) {
            out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return out;
    }

    /** Unlike InetAddress.getByAddress, keeps 16 bytes an IPv6 address even when they are IPv4-mapped. */
    private static InetAddress address(byte[] bytes) {
        try {
            return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e); // only for a wrong length, which cannot happen here
        }
    }

    private static IllegalArgumentException notANetwork(String text) {
        return new IllegalArgumentException("\"" + text + "\" is not a network (e.g. 10.0.0.0/8, 2001:db8::/32)");
    }
}
