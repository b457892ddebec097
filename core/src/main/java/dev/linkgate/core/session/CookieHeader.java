package dev.linkgate.core.session;

import java.util.Collection;
import java.util.List;

/**
 * Reads and edits a request's {@code Cookie} header ({@code a=1; b=2}) by cookie name, without parsing values:
 * what linkgate removes is removed whole, everything else is passed on byte for byte.
 */
public final class CookieHeader {
    private CookieHeader() {
    }

    /** The first value of cookie {@code name}, or null. */
    public static String value(String header, String name) {
        Pairs pairs = new Pairs(header);
        while (pairs.next()) {
            if (pairs.hasValue() && pairs.nameIs(name)) {
                return header.substring(pairs.nameEnd + 1, pairs.end).strip();
            }
        }
        return null;
    }

    /** True when the header may hold one of {@code names} (a cheap test before {@link #without}). */
    public static boolean mentions(String header, Collection<String> names) {
        for (String name : names) {
            if (header.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The header without the cookies named; the names removed are added to {@code removed} (once each). Null when
     * nothing is left.
     */
    public static String without(String header, Collection<String> names, List<String> removed) {
        StringBuilder kept = new StringBuilder(header.length());
        Pairs pairs = new Pairs(header);
        while (pairs.next()) {
            String match = null;
            for (String name : names) {
                if (pairs.nameIs(name)) {
                    match = name;
                    break;
                }
            }
            if (match != null) {
                if (!removed.contains(match)) {
                    removed.add(match);
                }
            } else if (pairs.start < pairs.end) {
                if (kept.length() > 0) {
                    kept.append("; ");
                }
                kept.append(header, pairs.start, pairs.end);
            }
        }
        return kept.length() == 0 ? null : kept.toString().strip();
    }

    /**
     * Walks the header's {@code name=value} pairs in order: after each {@link #next}, the name runs from
     * {@code start} (spaces skipped) to {@code nameEnd} (the '=', or the pair's end when it has none), the pair
     * to {@code end} (the ';' or the header's end).
     */
    private static final class Pairs {
        private final String header;
        private int at;
        int start;
        int nameEnd;
        int end;

        Pairs(String header) {
            this.header = header;
        }

        boolean next() {
            int n = header.length();
            if (at >= n) {
                return false;
            }
            end = header.indexOf(';', at);
            if (end < 0) {
                end = n;
            }
            start = skipSpaces(header, at, end);
            int eq = header.indexOf('=', start);
            nameEnd = eq > 0 && eq < end ? eq : end;
            at = end + 1;
            return true;
        }

        boolean hasValue() {
            return nameEnd < end;
        }

        boolean nameIs(String name) {
            int e = nameEnd;
            while (e > start && header.charAt(e - 1) == ' ') {
                e--;
            }
            return e - start == name.length() && header.regionMatches(start, name, 0, name.length());
        }
    }

    private static int skipSpaces(String s, int at, int end) {
        while (at < end && (s.charAt(at) == ' ' || s.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }
}
