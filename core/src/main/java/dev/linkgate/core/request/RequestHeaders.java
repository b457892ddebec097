package dev.linkgate.core.request;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read-only, case-insensitive view of a request's headers. The gateway adapts Netty's headers to this
 * without copying; tests and {@code explain} build one from a map.
 */
@FunctionalInterface
public interface RequestHeaders {

    /** The first value of the named header, or null when absent. Names are case-insensitive. */
    String get(String name);

    default boolean contains(String name) {
        return get(name) != null;
    }

    static RequestHeaders of(Map<String, String> headers) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        return copy::get;
    }

    static RequestHeaders empty() {
        return name -> null;
    }

    /** Convenience for tests: alternating name, value pairs. */
    static RequestHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i].toLowerCase(Locale.ROOT), namesAndValues[i + 1]);
        }
        return map::get;
    }
}
