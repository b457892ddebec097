package dev.linkgate.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.linkgate.core.config.LinkRoute;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkRoutesTest {
    private final LinkRoutes routes = LinkRoutes.of(List.of(
            new LinkRoute("/sign/{token}", null),
            new LinkRoute("/d/{token}/view", null),
            new LinkRoute("/s", "t")));

    @Test
    void theTokenIsItsPathSegmentAsSent() {
        assertEquals("abc123", routes.match("/sign/abc123", null));
        assertEquals("abc123", routes.match("/sign/abc123", "utm_source=mail"));
        assertEquals("a%2Fb", routes.match("/sign/a%2Fb", null));
    }

    @Test
    void theTokenMayBeInTheMiddleOfThePath() {
        assertEquals("xyz", routes.match("/d/xyz/view", null));
        assertNull(routes.match("/d/xyz/edit", null));
        assertNull(routes.match("/d/xyz", null));
    }

    @Test
    void aQueryLinkTakesItsParameterPercentDecoded() {
        assertEquals("abc", routes.match("/s", "t=abc"));
        assertEquals("a/b c+d", routes.match("/s", "x=1&t=a%2Fb+c%2Bd&y=2"));
        assertEquals("\u00e9t\u00e9", routes.match("/s", "t=%C3%A9t%C3%A9"));
    }

    @Test
    void theFirstOccurrenceOfTheParameterCounts() {
        assertEquals("one", routes.match("/s", "t=one&t=two"));
        assertNull(routes.match("/s", "t=&t=two"));
    }

    @Test
    void aMalformedEscapeKeepsTheValueAsSent() {
        assertEquals("ab%zz", routes.match("/s", "t=ab%zz"));
        assertEquals("ab%2", routes.match("/s", "t=ab%2"));
    }

    @Test
    void aParameterOnlyMatchesByItsWholeName() {
        assertNull(routes.match("/s", "tt=abc"));
        assertNull(routes.match("/s", "xt=abc"));
        assertEquals("abc", routes.match("/s", "tt=x&t=abc"));
    }

    @Test
    void aQueryLinkNeedsItsExactPathAndANonEmptyParameter() {
        assertNull(routes.match("/s", null));
        assertNull(routes.match("/s", ""));
        assertNull(routes.match("/s", "t="));
        assertNull(routes.match("/s", "t"));
        assertNull(routes.match("/s2", "t=abc"));
        assertNull(routes.match("/x/s", "t=abc"));
    }

    @Test
    void otherPathsAreNotLinks() {
        assertNull(routes.match("/", null));
        assertNull(routes.match("/sign", null));
        assertNull(routes.match("/signature/abc", null));
        assertNull(routes.match("/sign/abc/download", null));
        assertNull(routes.match("/static/app.js", null));
        assertNull(routes.match("", null));
        assertNull(routes.match(null, null));
        assertNull(routes.match("sign/abc", null));
    }

    @Test
    void anEmptyTokenIsNotALink() {
        assertNull(routes.match("/sign/", null));
        assertNull(routes.match("/sign//", null));
        assertNull(routes.match("/d//view", null));
    }

    @Test
    void oneTrailingSlashIsIgnoredSoItCannotSlipPastTheGate() {
        assertEquals("abc", routes.match("/sign/abc/", null));
        assertEquals("xyz", routes.match("/d/xyz/view/", null));
        assertEquals("abc", routes.match("/s/", "t=abc"));
        assertNull(routes.match("/sign/abc//", null));
    }

    @Test
    void aPatternWrittenWithATrailingSlashMatchesTheSame() {
        LinkRoutes slashed = LinkRoutes.of(List.of(new LinkRoute("/sign/{token}/", null), new LinkRoute("/s/", "t")));
        assertEquals("abc", slashed.match("/sign/abc", null));
        assertEquals("abc", slashed.match("/s", "t=abc"));
    }

    @Test
    void aSingleSegmentPatternMatchesAnyOneSegmentPath() {
        LinkRoutes root = LinkRoutes.of(List.of(new LinkRoute("/{token}", null)));
        assertEquals("abc", root.match("/abc", null));
        assertNull(root.match("/", null));
        assertNull(root.match("/abc/def", null));
    }

    @Test
    void theFirstMatchingRouteWins() {
        LinkRoutes overlapping = LinkRoutes.of(List.of(new LinkRoute("/x/{token}", null),
                new LinkRoute("/{token}/y", null)));
        assertEquals("y", overlapping.match("/x/y", null));
    }
}
