package dev.linkgate.core.request;

import dev.linkgate.core.config.LinkRoute;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Finds the link token in a request's raw path and query, by the configured {@link LinkRoute}s, first match
 * wins. No regex; per request it allocates only the token (and a buffer when the token is percent-encoded).
 * <ul>
 *   <li>{@code /sign/{token}}: the token is that path segment as sent (not percent-decoded); it must not be
 *       empty, and the path must have exactly as many segments as the pattern.</li>
 *   <li>{@code path: /s, query: t}: on exactly that path, the token is the first {@code t} parameter,
 *       percent-decoded ({@code +} is a space, as in forms). A missing or empty parameter is not a link.</li>
 *   <li>One trailing slash is ignored ({@code /sign/abc/} is the link {@code abc}): most upstreams route
 *       it to the same page, so it must not slip past the gate as "not a link".</li>
 * </ul>
 * The token is a credential: log it only through {@link LinkId#redact}.
 */
public final class LinkRoutes {
    private final Route[] routes;
    private final List<List<String>> sessionCookies;
    private final LinkRoute[] links;
    private final boolean anySessionCookies;

    private LinkRoutes(Route[] routes, List<List<String>> sessionCookies, LinkRoute[] links) {
        this.routes = routes;
        this.sessionCookies = sessionCookies;
        this.links = links;
        this.anySessionCookies = sessionCookies.stream().anyMatch(names -> !names.isEmpty());
    }

    public static LinkRoutes of(List<LinkRoute> links) {
        return new LinkRoutes(links.stream()
                .map(link -> link.tokenInQuery() ? new TokenInQuery(link) : new TokenInPath(link))
                .toArray(Route[]::new), links.stream().map(LinkRoute::sessionCookies).toList(),
                links.toArray(LinkRoute[]::new));
    }

    /** The configured link that {@link #match} finds the token by, or null when this is not a link. */
    public LinkRoute routeOf(String rawPath, String rawQuery) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return null;
        }
        int end = withoutTrailingSlash(rawPath);
        for (int i = 0; i < routes.length; i++) {
            if (routes[i].match(rawPath, end, rawQuery) != null) {
                return links[i];
            }
        }
        return null;
    }

    /**
     * The first value of a query parameter, percent-decoded, or null when absent. For parameters that ride
     * along with a link, such as its send time.
     */
    public static String parameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        int pos = 0;
        while (pos <= rawQuery.length()) {
            int amp = rawQuery.indexOf('&', pos);
            int next = amp < 0 ? rawQuery.length() : amp;
            int nameEnd = pos + name.length();
            if (rawQuery.startsWith(name, pos) && (nameEnd == next || rawQuery.charAt(nameEnd) == '=')) {
                return nameEnd >= next ? "" : decode(rawQuery, nameEnd + 1, next);
            }
            pos = next + 1;
        }
        return null;
    }

    /** The app's session cookies of the route that {@code rawPath} and {@code rawQuery} match (first match wins). */
    public List<String> sessionCookies(String rawPath, String rawQuery) {
        // Asked on every first click: without any configured, no route needs to be matched again.
        if (!anySessionCookies || rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return List.of();
        }
        int end = withoutTrailingSlash(rawPath);
        for (int i = 0; i < routes.length; i++) {
            if (routes[i].match(rawPath, end, rawQuery) != null) {
                return sessionCookies.get(i);
            }
        }
        return List.of();
    }

    /**
     * @param rawPath  the request path as sent, without the query
     * @param rawQuery the query as sent, without '?', or null
     * @return the link token, or null when this is not a link
     */
    public String match(String rawPath, String rawQuery) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return null;
        }
        int end = withoutTrailingSlash(rawPath);
        for (Route route : routes) {
            String token = route.match(rawPath, end, rawQuery);
            if (token != null) {
                return token;
            }
        }
        return null;
    }

    private static int withoutTrailingSlash(String path) {
        int end = path.length();
        return end > 1 && path.charAt(end - 1) == '/' ? end - 1 : end;
    }

    private interface Route {
        /** @param end where the path ends, a trailing slash excluded */
        String match(String path, int end, String query);
    }

    /** A pattern such as /sign/{token}: literal segments, one of them the token. */
    private static final class TokenInPath implements Route {
        private final String[] segments;
        private final int tokenIndex;

        TokenInPath(LinkRoute link) {
            String pattern = link.path();
            segments = pattern.substring(1, withoutTrailingSlash(pattern)).split("/", -1);
            tokenIndex = List.of(segments).indexOf(LinkRoute.TOKEN);
        }

        @Override
        public String match(String path, int end, String query) {
            int tokenStart = -1;
            int tokenEnd = -1;
            int pos = 1;
            for (int i = 0; i < segments.length; i++) {
                if (pos > end) {
                    return null;
                }
                int slash = path.indexOf('/', pos);
                if (slash < 0 || slash > end) {
                    slash = end;
                }
                if (i == tokenIndex) {
                    tokenStart = pos;
                    tokenEnd = slash;
                } else if (slash - pos != segments[i].length() || !path.startsWith(segments[i], pos)) {
                    return null;
                }
                pos = slash + 1;
            }
            if (pos != end + 1 || tokenEnd == tokenStart) {
                return null;
            }
            return path.substring(tokenStart, tokenEnd);
        }
    }

    /** An exact path whose query parameter is the token. */
    private static final class TokenInQuery implements Route {
        private final String path;
        private final String parameter;

        TokenInQuery(LinkRoute link) {
            this.path = link.path().substring(0, withoutTrailingSlash(link.path()));
            this.parameter = link.query();
        }

        @Override
        public String match(String rawPath, int end, String query) {
            if (query == null || end != path.length() || !rawPath.startsWith(path)) {
                return null;
            }
            int pos = 0;
            while (pos <= query.length()) {
                int amp = query.indexOf('&', pos);
                int next = amp < 0 ? query.length() : amp;
                int nameEnd = pos + parameter.length();
                if (query.startsWith(parameter, pos) && (nameEnd == next || query.charAt(nameEnd) == '=')) {
                    return nameEnd >= next - 1 ? null : decode(query, nameEnd + 1, next);
                }
                pos = next + 1;
            }
            return null;
        }
    }

    /** Percent-decodes a query value as UTF-8. A malformed escape leaves the value as sent: still a link. */
    static String decode(String s, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to && plain; i++) {
            char c = s.charAt(i);
            plain = c != '%' && c != '+';
        }
        if (plain) {
            return s.substring(from, to);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int hi = i + 2 < to ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < to ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    return s.substring(from, to);
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                int codePoint = s.codePointAt(i);
                byte[] utf8 = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
