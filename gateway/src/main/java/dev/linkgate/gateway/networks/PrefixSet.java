package dev.linkgate.gateway.networks;

import dev.linkgate.core.detect.NetworkPrefix;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A set of addresses of one family kept as sorted, disjoint, non-adjacent ranges: prefixes go in, overlapping
 * and adjacent ones merge, ranges can be carved out, and the result comes back as the fewest CIDR prefixes
 * covering exactly the set, in address order. Generation is offline (scripts/update-networks), so plain
 * BigInteger arithmetic is fast enough and obviously right.
 */
final class PrefixSet {
    private record Range(BigInteger first, BigInteger last) {
    }

    private final int bits;
    private final List<Range> pending = new ArrayList<>();

    PrefixSet(int bits) {
        this.bits = bits;
    }

    static PrefixSet ipv4() {
        return new PrefixSet(32);
    }

    static PrefixSet ipv6() {
        return new PrefixSet(128);
    }

    void add(NetworkPrefix p) {
        requireFamily(p);
        pending.add(range(p));
    }

    /** Removes every address of these prefixes (CDN or relay ranges that must never count as a cloud). */
    void removeAll(List<NetworkPrefix> cuts) {
        PrefixSet holes = new PrefixSet(bits);
        for (NetworkPrefix p : cuts) {
            if (p.address().length * 8 == bits) {
                holes.add(p);
            }
        }
        List<Range> cutRanges = holes.merged();
        List<Range> out = new ArrayList<>();
        int c = 0;
        for (Range r : merged()) {
            BigInteger from = r.first();
            while (c < cutRanges.size() && cutRanges.get(c).last().compareTo(from) < 0) {
                c++;
            }
            int k = c;
            while (from != null && k < cutRanges.size() && cutRanges.get(k).first().compareTo(r.last()) <= 0) {
                Range cut = cutRanges.get(k);
                if (cut.first().compareTo(from) > 0) {
                    out.add(new Range(from, cut.first().subtract(BigInteger.ONE)));
                }
                from = cut.last().compareTo(r.last()) >= 0 ? null : cut.last().add(BigInteger.ONE);
                k++;
            }
            if (from != null) {
                out.add(new Range(from, r.last()));
            }
        }
        pending.clear();
        pending.addAll(out);
    }

    /** The fewest prefixes covering exactly this set, in address order. */
    List<String> prefixes() {
        List<String> out = new ArrayList<>();
        for (Range r : merged()) {
            BigInteger at = r.first();
            while (at.compareTo(r.last()) <= 0) {
                // The largest aligned block starting at 'at' that stays within the range.
                int size = bits;
                while (size > 0 && !at.testBit(bits - size) && blockLast(at, size - 1).compareTo(r.last()) <= 0) {
                    size--;
                }
                out.add(text(at) + "/" + size);
                at = blockLast(at, size).add(BigInteger.ONE);
            }
        }
        return out;
    }

    boolean isEmpty() {
        return merged().isEmpty();
    }

    private List<Range> merged() {
        pending.sort(Comparator.comparing(Range::first));
        List<Range> out = new ArrayList<>();
        for (Range r : pending) {
            Range last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && r.first().compareTo(last.last().add(BigInteger.ONE)) <= 0) {
                out.set(out.size() - 1, new Range(last.first(), last.last().max(r.last())));
            } else {
                out.add(r);
            }
        }
        pending.clear();
        pending.addAll(out);
        return out;
    }

    private BigInteger blockLast(BigInteger first, int prefixLength) {
        return first.add(BigInteger.ONE.shiftLeft(bits - prefixLength)).subtract(BigInteger.ONE);
    }

    private Range range(NetworkPrefix p) {
        BigInteger first = new BigInteger(1, p.address());
        return new Range(first, blockLast(first, p.prefixLength()));
    }

    private void requireFamily(NetworkPrefix p) {
        if (p.address().length * 8 != bits) {
            throw new IllegalArgumentException("an IPv" + (bits == 32 ? 4 : 6) + " set cannot hold " + p);
        }
    }

    private String text(BigInteger address) {
        byte[] raw = address.toByteArray();
        byte[] bytes = new byte[bits / 8];
        int copy = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        try {
            String s = InetAddress.getByAddress(bytes).getHostAddress();
            return bits == 32 ? s : Ipv6Text.compress(s);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
