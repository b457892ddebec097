package dev.linkgate.core.config;

/**
 * One kind of email link. {@code path} is a pattern such as {@code /sign/{token}}; when {@code query} is set
 * the token is that query parameter of {@code path} instead, and {@code path} is matched exactly.
 * {@code {token}} is always a whole path segment. {@code sentAt}, when set, names the query parameter that
 * carries the link's send time ({@code links[].sent-at: {query: ts}}); it is read, never removed.
 */
public record LinkRoute(String path, String query, String sentAt) {
    public static final String TOKEN = "{token}";

    public LinkRoute(String path, String query) {
        this(path, query, null);
    }

    public LinkRoute {
        if (sentAt != null && !isParameterName(sentAt)) {
            throw new InvalidConfigValue("sent-at", "query must be a query parameter name, e.g. ts");
        }
        if (sentAt != null && sentAt.equals(query)) {
            throw new InvalidConfigValue("sent-at", "query must differ from the token's parameter " + query);
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
            if (!isParameterName(query)) {
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

    private static boolean isParameterName(String name) {
        return !name.isEmpty() && name.chars().noneMatch(c -> c <= ' ' || c == '&' || c == '=' || c == '#');
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
