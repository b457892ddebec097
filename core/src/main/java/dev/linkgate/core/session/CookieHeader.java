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
        int at = 0;
        int n = header.length();
        while (at < n) {
            int end = header.indexOf(';', at);
            if (end < 0) {
                end = n;
            }
            int start = skipSpaces(header, at, end);
            int eq = header.indexOf('=', start);
            if (eq > 0 && eq < end && nameIs(header, start, eq, name)) {
                return header.substring(eq + 1, end).strip();
            }
            at = end + 1;
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
        int at = 0;
        int n = header.length();
        while (at < n) {
            int end = header.indexOf(';', at);
            if (end < 0) {
                end = n;
            }
            int start = skipSpaces(header, at, end);
            int eq = header.indexOf('=', start);
            int nameEnd = eq > 0 && eq < end ? eq : end;
            String match = null;
            for (String name : names) {
                if (nameIs(header, start, nameEnd, name)) {
                    match = name;
                    break;
                }
            }
            if (match != null) {
                if (!removed.contains(match)) {
                    removed.add(match);
                }
            } else if (start < end) {
                if (kept.length() > 0) {
                    kept.append("; ");
                }
                kept.append(header, start, end);
            }
            at = end + 1;
        }
        return kept.length() == 0 ? null : kept.toString().strip();
    }

    private static boolean nameIs(String header, int start, int end, String name) {
        int e = end;
        while (e > start && header.charAt(e - 1) == ' ') {
            e--;
        }
        return e - start == name.length() && header.regionMatches(start, name, 0, name.length());
    }

    private static int skipSpaces(String s, int at, int end) {
        while (at < end && (s.charAt(at) == ' ' || s.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }
}
