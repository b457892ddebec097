package dev.linkgate.gateway.http1.previous;

/**
 * A request target in origin form ({@code /path?query}): absolute form ({@code http://host/path?query}) is
 * reduced to its path and query (RFC 9112 3.2.2); anything else is not a target a reverse proxy serves.
 */
/** As it was before the byte-level path replaced it (main at 1f7e053): the reference HeadWriterTest compares with. */
public final class RequestTarget {
    private RequestTarget() {
    }

    /** The origin form, or null when the target is neither origin nor absolute form. */
    public static String originForm(String target) {
        if (target.startsWith("/")) {
            return target;
        }
        int start = afterScheme(target);
        if (start < 0) {
            return null;
        }
        int end = authorityEnd(target, start);
        String rest = target.substring(end);
        return rest.isEmpty() ? "/" : rest.startsWith("?") ? "/" + rest : rest;
    }

    /** The host[:port] of an absolute-form target (without user info), or null. */
    public static String authority(String target) {
        int start = target.startsWith("/") ? -1 : afterScheme(target);
        if (start < 0) {
            return null;
        }
        String authority = target.substring(start, authorityEnd(target, start));
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        return authority.isEmpty() ? null : authority;
    }

    private static int afterScheme(String target) {
        int colon = target.indexOf("://");
        if (colon < 0) {
            return -1;
        }
        String scheme = target.substring(0, colon);
        return scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https") ? colon + 3 : -1;
    }

    private static int authorityEnd(String target, int start) {
        for (int i = start; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return target.length();
    }
}
