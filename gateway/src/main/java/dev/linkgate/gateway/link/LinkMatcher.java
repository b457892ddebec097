package dev.linkgate.gateway.link;

/**
 * Which requests are one-time links: the link's token for a link path, null for everything else.
 * Production passes {@code LinkRoutes::match}; tests pass a stand-in.
 */
@FunctionalInterface
public interface LinkMatcher {
    String match(String rawPath, String rawQuery);

    LinkMatcher NONE = (path, query) -> null;
}
