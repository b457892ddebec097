package dev.linkgate.core.token;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomBytesTest {
    @Test
    void noTwoDrawsAreAlikeAcrossManyChunks() {
        Set<ByteBuffer> seen = new HashSet<>();
        int[] counts = new int[256];
        int draws = 50_000; // 800 KB: about 200 refills, with draws that straddle a refill
        for (int i = 0; i < draws; i++) {
            byte[] b = RandomBytes.next(16);
            assertTrue(seen.add(ByteBuffer.wrap(b)), "a 128-bit value came twice");
            for (byte x : b) {
                counts[x & 0xff]++;
            }
        }
        // Uniform bytes: each value 3,125 times on average; a wiped (zeroed) or repeated stretch would show here.
        double expected = draws * 16 / 256.0;
        double chi2 = 0;
        for (int c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        assertTrue(chi2 < 400, "chi-square over 255 degrees of freedom: " + chi2);
    }

    @Test
    void oddSizesAndSizesLargerThanAChunkAreFilledWhole() {
        for (int n : new int[] {1, 7, 18, 4095, 4096, 4097, 10_000}) {
            byte[] b = RandomBytes.next(n);
            assertEquals(n, b.length);
            int zeros = 0;
            for (byte x : b) {
                zeros += x == 0 ? 1 : 0;
            }
            assertTrue(zeros <= 5 + n / 64, n + " bytes with " + zeros + " zeros");
        }
    }

    @Test
    void threadsNeverShareBytes() throws Exception {
        Set<ByteBuffer> seen = ConcurrentHashMap.newKeySet();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    seen.add(ByteBuffer.wrap(RandomBytes.next(16)));
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(20_000, seen.size());
    }
}
