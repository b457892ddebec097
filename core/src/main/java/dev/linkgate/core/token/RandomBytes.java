package dev.linkgate.core.token;

import java.security.SecureRandom;

/**
 * Unpredictable bytes for what linkgate hands out (browser cookies, Continue-token nonces, CSP nonces), drawn from
 * {@link SecureRandom} a few kilobytes at a time and dealt out per thread.
 *
 * <p>Why: the default {@code SecureRandom} on Linux ({@code NativePRNG}) mixes {@code /dev/urandom} with a SHA1PRNG
 * under one lock per call, about a microsecond and a lock both event loops take, on every first click and every
 * Continue page. Reading ahead keeps the same source (each byte comes from it once and is handed out once) and
 * makes a call a copy. The bytes waiting are as secret as the generator's own state, which is in the same heap.
 */
public final class RandomBytes {
    private static final int CHUNK = 4096;
    private static final SecureRandom SOURCE = new SecureRandom();
    private static final ThreadLocal<RandomBytes> MINE = ThreadLocal.withInitial(RandomBytes::new);

    private final byte[] ahead = new byte[CHUNK];
    private int next = CHUNK;

    private RandomBytes() {
    }

    /** Fills {@code into} with bytes no one has been given before. */
    public static void fill(byte[] into) {
        MINE.get().take(into);
    }

    /** {@code n} new bytes. */
    public static byte[] next(int n) {
        byte[] b = new byte[n];
        fill(b);
        return b;
    }

    private void take(byte[] into) {
        int done = 0;
        while (done < into.length) {
            if (next == CHUNK) {
                SOURCE.nextBytes(ahead);
                next = 0;
            }
            int n = Math.min(into.length - done, CHUNK - next);
            System.arraycopy(ahead, next, into, done, n);
            // Handed out once: wiped as it goes, so nothing given away stays behind in the buffer.
            java.util.Arrays.fill(ahead, next, next + n, (byte) 0);
            next += n;
            done += n;
        }
    }
}
