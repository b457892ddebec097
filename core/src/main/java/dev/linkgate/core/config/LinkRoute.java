package dev.linkgate.core.config;

import java.util.List;

/**
 * One kind of email link. {@code path} is a pattern such as {@code /sign/{token}}; when {@code query} is set
 * the token is that query parameter of {@code path} instead, and {@code path} is matched exactly.
 * {@code {token}} is always a whole path segment. {@code sessionCookies} name the app's session cookies, which
 * are left out of a link's first click and of a continue so that each link starts a clean session.
 */
public record LinkRoute(String path, String query, List<String> sessionCookies) {
    public static final String TOKEN = "{token}";

    public LinkRoute(String path, String query) {
        this(path, query, List.of());
    }

    public LinkRoute {
        sessionCookies = sessionCookies == null ? List.of() : List.copyOf(sessionCookies);
        for (String name : sessionCookies) {
            if (!CookieNames.isToken(name)) {
                throw new InvalidConfigValue("session-cookies", "\"" + name + "\" is not a cookie name");
            }
        }
        if (path == null || !path.startsWith("/")) {
            throw new InvalidConfigValue("path", "must start with /, e.g. /sign/{token}");
        }
        if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
            throw new InvalidConfigValue("path", "must not contain ? or #: name a query parameter with query: instead");
        }
        if (path.contains("//")) {
            throw new InvalidConfigValue("path", "must not contain an empty segment (//)");
        }
        if (path.chars().anyMatch(c -> c <= ' ')) {
            throw new InvalidConfigValue("path", "must not contain spaces or control characters");
        }
        if (query != null) {
            if (query.isEmpty() || query.chars().anyMatch(c -> c <= ' ' || c == '&' || c == '=' || c == '#')) {
                throw new InvalidConfigValue("query", "must be a query parameter name, e.g. t");
            }
            if (path.indexOf('{') >= 0 || path.indexOf('}') >= 0) {
                throw new InvalidConfigValue("path", "must be a plain path when query is set: the token is the"
                        + " query parameter");
            }
        } else {
            requireOneTokenSegment(path);
        }
    }

    public boolean tokenInQuery() {
        return query != null;
    }

    private static void requireOneTokenSegment(String path) {
        int tokens = 0;
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.equals(TOKEN)) {
                tokens++;
            } else if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
                throw new InvalidConfigValue("path", "{token} must be a whole path segment, e.g. /sign/{token}");
            }
        }
        if (tokens != 1) {
            throw new InvalidConfigValue("path", "must contain exactly one {token} segment, e.g. /sign/{token},"
                    + " or set query: to the token's query parameter");
        }
    }
}
