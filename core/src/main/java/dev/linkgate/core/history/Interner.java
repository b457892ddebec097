package dev.linkgate.core.history;

import java.util.HashMap;
import java.util.Map;

/**
 * Strings stored as one byte in packed events: index 0 is "none", the rest in order of first sight. Reason
 * codes, list names and methods are bounded sets; user-agent families are not, so past 254 names a new one is
 * stored as "other" rather than growing without end.
 */
final class Interner {
    static final int OTHER = 255;
    private final String[] names = new String[256];
    private final Map<String, Integer> index = new HashMap<>();
    private int next = 1;

    Interner() {
        names[OTHER] = "other";
    }

    synchronized int of(String name) {
        if (name == null) {
            return 0;
        }
        Integer known = index.get(name);
        if (known != null) {
            return known;
        }
        if (next == OTHER) {
            return OTHER;
        }
        names[next] = name;
        index.put(name, next);
        return next++;
    }

    synchronized String name(int i) {
        return i == 0 ? null : names[i];
    }
}
