package dev.linkgate.gateway.testing;

import dev.linkgate.gateway.link.LinkMatcher;

/**
 * Test-only stand-in for {@code LinkRoutes} (the config branch's): {@code /sign/{token}} paths, the token being
 * the last segment. Replace with {@code LinkRoutes.of(config.links())::match} once it is on main.
 */
public final class TestLinkRoutes implements LinkMatcher {
    public static final String PREFIX = "/sign/";

    @Override
    public String match(String rawPath, String rawQuery) {
        if (!rawPath.startsWith(PREFIX)) {
            return null;
        }
        String token = rawPath.substring(PREFIX.length());
        return token.isEmpty() || token.contains("/") ? null : token;
    }
}
