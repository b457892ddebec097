package dev.linkgate.core.token;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigningKeyTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "link and browser".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aSecretShorterThan32BytesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SigningKey(Arrays.copyOf(SECRET, 31)));
    }

    @Test
    void theSameSecretSignsTheSameAndATagMakesAnotherSignature() {
        SigningKey a = new SigningKey(SECRET);
        SigningKey b = new SigningKey(SECRET.clone());
        assertEquals(32, a.sign(DATA, DATA.length).length);
        assertArrayEquals(a.sign(DATA, DATA.length), b.sign(DATA, DATA.length));
        assertFalse(Arrays.equals(a.sign((byte) 'B', DATA, DATA.length), a.sign((byte) 'P', DATA, DATA.length)));
        assertFalse(Arrays.equals(a.sign(DATA, DATA.length), a.sign(DATA, DATA.length - 1)));
    }

    @Test
    void afterARotationThePreviousKeysSignaturesVerifyUntilTheGivenInstantOnly() {
        byte[] other = SECRET.clone();
        other[0] ^= 1;
        Instant now = Instant.parse("2026-12-02T08:00:00Z");
        SigningKey before = new SigningKey(SECRET);
        byte[] old = before.sign(DATA, DATA.length);
        SigningKey after = before.rotate(other, now.plusSeconds(600));
        assertFalse(Arrays.equals(old, after.sign(DATA, DATA.length)), "the new secret signs differently");
        assertTrue(after.verifies(old, k -> k.sign(DATA, DATA.length), now.plusSeconds(599)));
        assertFalse(after.verifies(old, k -> k.sign(DATA, DATA.length), now.plusSeconds(600)));
        assertTrue(after.verifies(after.sign(DATA, DATA.length), k -> k.sign(DATA, DATA.length), now.plusSeconds(600)));
    }

    @Test
    void rotatingToTheSameSecretKeepsTheKeyAndItsEarlierWindow() {
        byte[] other = SECRET.clone();
        other[0] ^= 1;
        SigningKey rotated = new SigningKey(SECRET).rotate(other, Instant.parse("2026-12-02T08:10:00Z"));
        assertSame(rotated, rotated.rotate(other.clone(), Instant.parse("2026-12-02T09:00:00Z")));
    }

    @Test
    void laterChangesToTheCallersArrayDoNotChangeTheKey() {
        byte[] secret = SECRET.clone();
        SigningKey key = new SigningKey(secret);
        byte[] before = key.sign(DATA, DATA.length);
        secret[0] ^= 1;
        assertArrayEquals(before, key.sign(DATA, DATA.length));
    }
}
