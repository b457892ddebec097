package dev.linkgate.core.detect;

import java.util.Arrays;

/**
 * A binary trie from network prefixes to values; a lookup walks the address's bits once and keeps the value of
 * the longest prefix seen. One trie holds one address family.
 */
final class PrefixTrie {
    private int[] zero = new int[64];
    private int[] one = new int[64];
    private int[] value = new int[64];
    private int size = 1;

    PrefixTrie() {
        value[0] = -1;
    }

    /** Sets the value of a prefix; a later put for the same prefix replaces the earlier one. */
    void put(byte[] address, int prefixLength, int v) {
        int node = 0;
        for (int bit = 0; bit < prefixLength; bit++) {
            boolean set = (address[bit >>> 3] & (0x80 >>> (bit & 7))) != 0;
            int child = set ? one[node] : zero[node];
            if (child == 0) {
                child = newNode();
                if (set) {
                    one[node] = child;
                } else {
                    zero[node] = child;
                }
            }
            node = child;
        }
        value[node] = v;
    }

    /** The value of the longest prefix containing the address (whose bytes start at offset), or -1. */
    int longestMatch(byte[] address, int offset, int bits) {
        int node = 0;
        int found = value[0];
        for (int bit = 0; bit < bits; bit++) {
            boolean set = (address[offset + (bit >>> 3)] & (0x80 >>> (bit & 7))) != 0;
            node = set ? one[node] : zero[node];
            if (node == 0) {
                break;
            }
            if (value[node] >= 0) {
                found = value[node];
            }
        }
        return found;
    }

    private int newNode() {
        if (size == value.length) {
            zero = Arrays.copyOf(zero, size * 2);
            one = Arrays.copyOf(one, size * 2);
            value = Arrays.copyOf(value, size * 2);
        }
        value[size] = -1;
        return size++;
    }
}
