package dev.linkgate.core.token;

import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContinueTokensTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
    private final ContinueTokens tokens = new ContinueTokens(SECRET, Duration.ofMinutes(10), clock);
    private final LinkId link = LinkId.of("tok-alpha");
    private final long browser = 42L;

    @Test
    void aFreshTokenIsValidForItsLinkAndBrowser() {
        ContinueTokens.Minted minted = tokens.mint(link, browser);
        ContinueTokens.Check check = tokens.verify(minted.token(), link, browser);
        assertTrue(check.valid());
        assertEquals(minted.nonce(), check.nonce());
        assertEquals(clock.instant().plus(Duration.ofMinutes(10)), check.expiresAt());
    }

    @Test
    void aTokenForAnotherLinkIsInvalid() {
        String token = tokens.mint(link, browser).token();
        assertEquals(ContinueTokens.Check.Status.INVALID, tokens.verify(token, LinkId.of("tok-beta"), browser).status());
    }

    @Test
    void aTokenFromAnotherBrowserIsInvalid() {
        String token = tokens.mint(link, browser).token();
        assertEquals(ContinueTokens.Check.Status.INVALID, tokens.verify(token, link, browser + 1).status());
    }

    @Test
    void aTokenExpiresAfterItsLifetime() {
        String token = tokens.mint(link, browser).token();
        clock.advance(Duration.ofMinutes(10));
        assertEquals(ContinueTokens.Check.Status.EXPIRED, tokens.verify(token, link, browser).status());
    }

    @Test
    void everyTamperedByteMakesTheTokenInvalid() {
        byte[] raw = Base64.getUrlDecoder().decode(tokens.mint(link, browser).token());
        for (int i = 0; i < raw.length; i++) {
            byte[] copy = raw.clone();
            copy[i] ^= 0x01;
            String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(copy);
            assertFalse(tokens.verify(tampered, link, browser).valid(), "byte " + i);
        }
    }

    @Test
    void garbageIsInvalidNotAnError() {
        for (String junk : new String[] {null, "", "!!!", "AAAA", "a".repeat(5000)}) {
            assertEquals(ContinueTokens.Check.Status.INVALID, tokens.verify(junk, link, browser).status());
        }
    }

    @Test
    void anotherSecretRejectsTheToken() {
        ContinueTokens other = new ContinueTokens("ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(10), clock);
        assertFalse(other.verify(tokens.mint(link, browser).token(), link, browser).valid());
    }

    @Test
    void tokensAreUniqueEvenInTheSameMillisecond() {
        assertNotEquals(tokens.mint(link, browser).token(), tokens.mint(link, browser).token());
    }

    @Test
    void theGestureProofMatchesOnlyItsToken() {
        String a = tokens.mint(link, browser).token();
        String b = tokens.mint(link, browser).token();
        assertTrue(tokens.proofMatches(a, tokens.proof(a)));
        assertFalse(tokens.proofMatches(a, tokens.proof(b)));
        assertFalse(tokens.proofMatches(a, null));
        assertFalse(tokens.proofMatches(a, ""));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ContinueTokens(new byte[31], Duration.ofMinutes(10), clock));
    }
}
