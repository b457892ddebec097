package dev.linkgate.core.token;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void sameSecretComparesTheKeysNotTheObjects() {
        byte[] other = SECRET.clone();
        other[0] ^= 1;
        assertTrue(new SigningKey(SECRET).sameSecret(new SigningKey(SECRET.clone())));
        assertFalse(new SigningKey(SECRET).sameSecret(new SigningKey(other)));
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
