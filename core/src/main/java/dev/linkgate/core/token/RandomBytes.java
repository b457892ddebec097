package dev.linkgate.core.token;

import java.io.FileInputStream;
import java.io.IOException;
import java.security.SecureRandom;

/**
 * Unpredictable bytes for what linkgate hands out (browser cookies, Continue-token nonces, CSP nonces), read from
 * the kernel's CSPRNG ({@code /dev/urandom}) a few kilobytes at a time and dealt out per thread; where there is no
 * {@code /dev/urandom}, from {@link SecureRandom}.
 *
 * <p>Why: the default {@code SecureRandom} on Linux ({@code NativePRNG}) reads {@code /dev/urandom} and XORs it
 * with a SHA1PRNG's output, under one lock per call: about a microsecond, and a lock both event loops take, on
 * every first click and every Continue page (3% of a first click's CPU samples). Its bytes are the kernel's in
 * either case; the SHA-1 stream added to them costs a hash per 20 bytes and adds nothing a reader of
 * {@code /dev/urandom} lacks. Here a read of 4 KB is one system call, and a call is a copy. The bytes waiting are
 * as secret as any generator's state, which is in the same heap; each is handed out once, then wiped.
 */
public final class RandomBytes {
    private static final int CHUNK = 4096;
    private static final Source SOURCE = Source.open();
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
                SOURCE.fill(ahead);
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

    /** Where the bytes come from: the kernel's {@code /dev/urandom}, or SecureRandom when it cannot be read. */
    private static final class Source {
        private final FileInputStream urandom;
        private final SecureRandom fallback = new SecureRandom();

        private Source(FileInputStream urandom) {
            this.urandom = urandom;
        }

        static Source open() {
            try {
                return new Source(new FileInputStream("/dev/urandom"));
            } catch (IOException | SecurityException e) {
                return new Source(null);
            }
        }

        /** Fills all of {@code b}; /dev/urandom never blocks once the kernel is seeded, and a short read goes on. */
        void fill(byte[] b) {
            if (urandom != null) {
                try {
                    int done = 0;
                    int n;
                    while (done < b.length && (n = urandom.read(b, done, b.length - done)) > 0) {
                        done += n;
                    }
                    if (done == b.length) {
                        return;
                    }
                } catch (IOException e) {
                    // falls back below: the bytes must come from somewhere unpredictable, never from nowhere
                }
            }
            fallback.nextBytes(b);
        }
    }
}
