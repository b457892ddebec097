package dev.linkgate.gateway.link;


import dev.linkgate.core.request.LinkRoutes;

import java.util.List;

/**
 * Which requests are one-time links: the link's token for a link path, null for everything else.
 * Production passes {@link #of(LinkRoutes)}; tests pass a stand-in.
 */
@FunctionalInterface
public interface LinkMatcher {
    String match(String rawPath, String rawQuery);

    /** The app's session cookies on this link's route, left out of its first click and of a continue. */
    default List<String> sessionCookies(String rawPath, String rawQuery) {
        return List.of();
    }

    static LinkMatcher of(LinkRoutes routes) {
        return new LinkMatcher() {
            @Override
            public String match(String rawPath, String rawQuery) {
                return routes.match(rawPath, rawQuery);
            }

            @Override
            public List<String> sessionCookies(String rawPath, String rawQuery) {
                return routes.sessionCookies(rawPath, rawQuery);
            }
        };
    }

    LinkMatcher NONE = (path, query) -> null;
}
