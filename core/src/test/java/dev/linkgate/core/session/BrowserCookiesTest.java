package dev.linkgate.core.session;

import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrowserCookiesTest {
    private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
    private final BrowserCookies cookies = new BrowserCookies(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), "linkgate-browser",
            Duration.ofMinutes(10), clock);
    private final LinkId link = LinkId.of("tok-1");
    private static final byte[] SECOND = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);

    @Test
    void overHttpTheCookieIsHttpOnlyLaxForThePathRootAndTheWindow() {
        BrowserCookies.Minted c = cookies.mint(link);
        assertEquals("linkgate-browser=" + c.value() + "; Max-Age=600; Path=/; HttpOnly; SameSite=Lax",
                cookies.setCookie(c, false));
    }

    @Test
    void overHttpsItIsSecureWithTheHostPrefixAndNoDomain() {
        BrowserCookies.Minted c = cookies.mint(link);
        String set = cookies.setCookie(c, true);
        assertEquals("__Host-linkgate-browser=" + c.value() + "; Max-Age=600; Path=/; Secure; HttpOnly; SameSite=Lax",
                set);
        assertFalse(set.contains("Domain"));
    }

    @Test
    void eachCookieNamesAFreshRandomBrowser() {
        Set<dev.linkgate.core.ledger.BrowserId> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(cookies.mint(link).browser()));
        }
    }

    @Test
    void readsBackWhatItSetUnderEitherNameWithTheLinkAndTime() {
        BrowserCookies.Minted c = cookies.mint(link);
        BrowserCookies.Presented p = cookies.read("a=1; __Host-linkgate-browser=" + c.value());
        assertNotNull(p);
        assertTrue(c.browser().sameAs(p.browser()));
        assertTrue(p.isFor(link));
        assertFalse(p.isFor(LinkId.of("tok-2")));
        assertEquals(clock.instant(), p.issuedAt());
        assertNotNull(cookies.read("linkgate-browser=" + c.value()));
    }

    @Test
    void refusesForgedTamperedExpiredAndGarbledCookies() {
        BrowserCookies.Minted c = cookies.mint(link);
        String v = c.value();
        String tampered = v.substring(0, 5) + (v.charAt(5) == 'A' ? 'B' : 'A') + v.substring(6);
        assertNull(cookies.read("linkgate-browser=" + tampered));
        assertNull(cookies.read("linkgate-browser=" + v.substring(1)));
        assertNull(cookies.read("linkgate-browser=%%%"));
        assertNull(cookies.read("other=" + v));
        assertNull(cookies.read(null));
        BrowserCookies otherSecret = new BrowserCookies(
                "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8), "linkgate-browser",
                Duration.ofMinutes(10), clock);
        assertNull(otherSecret.read("linkgate-browser=" + v));
        clock.advance(Duration.ofMinutes(10));
        assertNull(cookies.read("linkgate-browser=" + v), "no older than its lifetime");
    }

    @Test
    void afterASecretRotationACookieSignedWithThePreviousSecretKeepsWorkingForItsLifetime() {
        BrowserCookies.Minted before = cookies.mint(link);
        clock.advance(Duration.ofMinutes(4));
        BrowserCookies rotated = cookies.rotate(SECOND, "linkgate-browser");

        BrowserCookies.Presented p = rotated.read("linkgate-browser=" + before.value());
        assertNotNull(p, "signed with the previous secret, within the resume window");
        assertTrue(before.browser().sameAs(p.browser()));
        BrowserCookies.Minted after = rotated.mint(link);
        assertNull(cookies.read("linkgate-browser=" + after.value()), "new cookies are signed with the new secret");
        assertNotNull(rotated.read("linkgate-browser=" + after.value()));

        BrowserCookies unchanged = rotated.rotate(SECOND, "linkgate-browser");
        assertNotNull(unchanged.read("linkgate-browser=" + before.value()), "a reload keeping the secret keeps trust");
        clock.advance(Duration.ofMinutes(6));
        assertNull(unchanged.read("linkgate-browser=" + before.value()), "no older than its lifetime");
        assertNotNull(unchanged.read("linkgate-browser=" + after.value()));
    }

    @Test
    void onlyTheSecretBeforeTheLastRotationIsStillTried() {
        BrowserCookies.Minted first = cookies.mint(link);
        BrowserCookies second = cookies.rotate(SECOND, "linkgate-browser");
        BrowserCookies third = second.rotate("0123456789abcdef-a-third-secret-32".getBytes(StandardCharsets.UTF_8),
                "other-name");
        assertNotNull(second.read("linkgate-browser=" + first.value()));
        assertNull(third.read("other-name=" + first.value()), "two rotations ago: refused");
        assertNotNull(third.read("other-name=" + second.mint(link).value()), "the previous one: accepted");
        assertNull(third.read("linkgate-browser=" + third.mint(link).value()), "read under its new name only");
    }

    @Test
    void toStringNeverShowsTheValue() {
        BrowserCookies.Minted c = cookies.mint(link);
        assertFalse(c.toString().contains(c.value()));
        assertFalse(c.browser().toString().contains(c.browser().hex()));
    }
}
