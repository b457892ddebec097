package dev.linkgate.core.ledger;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyRingTest {
    private static final long UNTIL = 10_000;
    private static final long NOW = 1_000;

    private static SharedResponse copy(int n, int bodyBytes) {
        byte[] body = ("body-" + n + "-").repeat(bodyBytes / 7 + 1).substring(0, bodyBytes)
                .getBytes(StandardCharsets.US_ASCII);
        return new SharedResponse(302, List.of(Map.entry("Location", "/doc/" + n)), body);
    }

    @Test
    void everyCopyKeptReadsBackWhileTheBudgetHoldsIt() {
        CopyRing ring = new CopyRing(1 << 20);
        List<Long> at = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            at.add(ring.keep(copy(n, 300), UNTIL, NOW));
        }
        for (int n = 0; n < 100; n++) {
            assertEquals(copy(n, 300), ring.read(at.get(n), copy(n, 300).size()));
            assertTrue(ring.holds(at.get(n)));
        }
        assertEquals(0, ring.dropped());
    }

    @Test
    void copiesSpanningChunkBoundariesAndTheRingsEndReadBackWhole() {
        // Chunks of 256 KiB, five of them for a budget just over 1 MiB: copies of ~300 KB span chunk edges, and
        // wrap at the ring's end.
        CopyRing ring = new CopyRing((1 << 20) + 1);
        for (int n = 0; n < 40; n++) {
            SharedResponse c = copy(n, 300_000 + n);
            long at = ring.keep(c, UNTIL, NOW);
            assertEquals(c, ring.read(at, c.size()), "copy " + n);
            assertTrue(ring.used() <= (1 << 20) + 1);
        }
    }

    @Test
    void aCopyTheBudgetDroppedIsNotReadBackEvenWhereItsBytesWereOverwritten() {
        int size = copy(0, 100).size();
        CopyRing ring = new CopyRing(2L * size);
        long first = ring.keep(copy(0, 100), UNTIL, NOW);
        long second = ring.keep(copy(1, 100), UNTIL, NOW);
        assertTrue(ring.holds(first));
        long third = ring.keep(copy(2, 100), UNTIL, NOW);

        assertEquals(1, ring.dropped());
        assertFalse(ring.holds(first), "told by its position: nobody looked its link up");
        assertNull(ring.read(first, size));
        assertTrue(ring.holds(second));
        assertEquals(copy(1, 100), ring.read(second, size));
        assertTrue(ring.holds(third));
        assertEquals(copy(2, 100), ring.read(third, size));
    }

    @Test
    void expiredCopiesLeaveWithoutBeingNamedAsDropped() {
        int size = copy(0, 100).size();
        CopyRing ring = new CopyRing(2L * size);
        long first = ring.keep(copy(0, 100), UNTIL, NOW);
        ring.keep(copy(1, 100), UNTIL, NOW);
        ring.keep(copy(2, 100), UNTIL + 1000, UNTIL + 1);

        assertEquals(0, ring.dropped(), "a copy past its retention was not dropped for the budget");
        assertFalse(ring.holds(first));
        assertNull(ring.read(first, size));
        assertEquals(size, ring.used());
    }

    @Test
    void aCopyLargerThanTheBudgetNeverFits() {
        CopyRing ring = new CopyRing(16);
        assertFalse(ring.fits(copy(0, 100).size()));
        assertTrue(ring.fits(16));
        assertFalse(new CopyRing(0).fits(1));
    }
}
