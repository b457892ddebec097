package dev.linkgate.core.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aho-Corasick automaton over ASCII-folded literals: one pass over a string finds every occurrence of every
 * literal. Built once into a full transition table (no failure-link walks at match time), so each character
 * costs one array read. Upper-case ASCII letters fold to lower case; any character that appears in no literal
 * (including all non-ASCII) maps to one "other" class, which breaks every partial match.
 */
final class PatternAutomaton {
    private static final int[] NO_OUTPUTS = new int[0];

    private final byte[] charClass = new byte[128];
    private final int width;
    private final char[] next;
    private final int[][] outputs;
    private final int[] lengths;

    /** @param literals lower-case ASCII literals; their index is the id reported in {@link #outputs(int)} */
    PatternAutomaton(List<String> literals) {
        int classes = 1;
        int total = 1;
        for (String literal : literals) {
            total += literal.length();
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                if (c >= 128 || c != fold(c)) {
                    throw new IllegalArgumentException("literal must be lower-case ASCII: " + literal);
                }
                if (charClass[c] == 0) {
                    charClass[c] = (byte) classes++;
                }
            }
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            charClass[c] = charClass[fold(c)];
        }
        if (total > Character.MAX_VALUE) {
            throw new IllegalArgumentException("too many pattern characters: " + total);
        }
        width = classes;
        lengths = new int[literals.size()];
        int[] trie = new int[total * width];
        Arrays.fill(trie, -1);
        List<List<Integer>> own = new ArrayList<>();
        own.add(new ArrayList<>());
        int states = 1;
        for (int id = 0; id < literals.size(); id++) {
            String literal = literals.get(id);
            lengths[id] = literal.length();
            int s = 0;
            for (int i = 0; i < literal.length(); i++) {
                int a = charClass[literal.charAt(i)];
                if (trie[s * width + a] < 0) {
                    trie[s * width + a] = states++;
                    own.add(new ArrayList<>());
                }
                s = trie[s * width + a];
            }
            own.get(s).add(id);
        }
        next = new char[states * width];
        outputs = new int[states][];
        int[] fail = new int[states];
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        outputs[0] = NO_OUTPUTS;
        for (int a = 0; a < width; a++) {
            int t = trie[a];
            if (t > 0) {
                fail[t] = 0;
                queue[tail++] = t;
                next[a] = (char) t;
            }
        }
        while (head < tail) {
            int s = queue[head++];
            outputs[s] = merge(own.get(s), outputs[fail[s]]);
            for (int a = 0; a < width; a++) {
                int t = trie[s * width + a];
                if (t > 0) {
                    fail[t] = next[fail[s] * width + a];
                    queue[tail++] = t;
                    next[s * width + a] = (char) t;
                } else {
                    next[s * width + a] = next[fail[s] * width + a];
                }
            }
        }
    }

    /** The start state. */
    static int start() {
        return 0;
    }

    /** The state after reading {@code c} in {@code state}. */
    int step(int state, char c) {
        int a = c < 128 ? charClass[c] : 0;
        return next[state * width + a];
    }

    /** Ids of the literals that end at the character just read, in ascending id order; empty when none. */
    int[] outputs(int state) {
        return outputs[state];
    }

    int length(int id) {
        return lengths[id];
    }

    int stateCount() {
        return outputs.length;
    }

    static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static int[] merge(List<Integer> own, int[] inherited) {
        if (own.isEmpty()) {
            return inherited;
        }
        int[] all = new int[own.size() + inherited.length];
        for (int i = 0; i < own.size(); i++) {
            all[i] = own.get(i);
        }
        System.arraycopy(inherited, 0, all, own.size(), inherited.length);
        Arrays.sort(all);
        return all;
    }
}
