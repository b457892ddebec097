package dev.linkgate.core.history;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strings stored as one byte in packed events: index 0 is "none", the rest in order of first sight. Reason
 * codes, list names and methods are bounded sets; user-agent families are not, so past 254 names a new one is
 * stored as "other" rather than growing without end. A known name is found without a lock (every recorded
 * event looks up five); only a new name takes this interner's monitor.
 */
final class Interner {
    static final int OTHER = 255;
    private final String[] names = new String[256];
    private final Map<String, Integer> index = new ConcurrentHashMap<>();
    private int next = 1;

    Interner() {
        names[OTHER] = "other";
    }

    int of(String name) {
        if (name == null) {
            return 0;
        }
        Integer known = index.get(name);
        return known != null ? known : add(name);
    }

    private synchronized int add(String name) {
        Integer known = index.get(name);
        if (known != null) {
            return known;
        }
        if (next == OTHER) {
            return OTHER;
        }
        // The name is in the array before its number is published, so whoever reads the number finds the name.
        names[next] = name;
        index.put(name, next);
        return next++;
    }

    synchronized String name(int i) {
        return i == 0 ? null : names[i];
    }
}
