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

    private static final byte[] NEW_SECRET = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);

    @Test
    void afterARotationAPageRenderedWithThePreviousSecretStaysValidForTheContinueTtl() {
        ContinueTokens.Minted before = tokens.mint(link, browser);
        String proof = tokens.proof(before.token());
        clock.advance(Duration.ofMinutes(1));
        ContinueTokens rotated = tokens.rotate(NEW_SECRET, Duration.ofMinutes(10));

        assertTrue(rotated.verify(before.token(), link, browser).valid());
        assertTrue(rotated.proofMatches(before.token(), proof), "the page's gesture proof still counts");
        assertFalse(rotated.verify(before.token(), link, browser + 1).valid(), "still bound to its browser");
        ContinueTokens.Minted after = rotated.mint(link, browser);
        assertFalse(tokens.verify(after.token(), link, browser).valid(), "new pages are signed with the new secret");
        assertTrue(rotated.verify(after.token(), link, browser).valid());
    }

    @Test
    void thePreviousSecretIsRefusedOnceTheContinueTtlAfterTheRotationHasPassed() {
        ContinueTokens longLived = new ContinueTokens(SECRET, Duration.ofMinutes(30), clock);
        ContinueTokens.Minted before = longLived.mint(link, browser);
        String proof = longLived.proof(before.token());
        ContinueTokens rotated = longLived.rotate(NEW_SECRET, Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertTrue(rotated.verify(before.token(), link, browser).valid());

        clock.advance(Duration.ofMillis(1));
        assertEquals(ContinueTokens.Check.Status.INVALID, rotated.verify(before.token(), link, browser).status());
        assertFalse(rotated.proofMatches(before.token(), proof));
    }

    @Test
    void reloadingTheSameSecretIsNoRotationAndKeepsAnEarlierRotationsWindow() {
        ContinueTokens.Minted first = tokens.mint(link, browser);
        ContinueTokens rotated = tokens.rotate(NEW_SECRET, Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(5));
        ContinueTokens reloaded = rotated.rotate(NEW_SECRET, Duration.ofMinutes(10));
        assertTrue(reloaded.verify(first.token(), link, browser).valid(), "the first rotation's window goes on");
        clock.advance(Duration.ofMinutes(5));
        assertFalse(reloaded.verify(first.token(), link, browser).valid(), "and ends when it would have");
    }

    @Test
    void onlyTheSecretJustBeforeARotationIsKept() {
        ContinueTokens.Minted first = tokens.mint(link, browser);
        byte[] third = "third-secret-third-secret-third-secret".getBytes(StandardCharsets.UTF_8);
        ContinueTokens twice = tokens.rotate(NEW_SECRET, Duration.ofMinutes(10)).rotate(third, Duration.ofMinutes(10));
        assertFalse(twice.verify(first.token(), link, browser).valid());
    }
}
