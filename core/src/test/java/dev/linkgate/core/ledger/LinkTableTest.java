package dev.linkgate.core.ledger;

import dev.linkgate.core.request.LinkId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkTableTest {
    private static final long TTL = 1000;

    @Test
    void findsExactlyTheLinksAModelKeepsThroughChurnGrowthAndCollisions() {
        Random random = new Random(2026);
        // Multiplier 2^32 + 1: a link's index slot is the top byte of its 32-bit tag (high's upper half). Two values
        // of that byte make two long probe runs, one at the end of the index that wraps around into the other at
        // its start; few tags in all make many entries share one, so look-ups compare the whole id.
        LinkTable table = new LinkTable(100, 1L << 32);
        Map<LinkId, Long> model = new LinkedHashMap<>();
        List<LinkId> known = new ArrayList<>();
        long now = 1;
        for (int step = 0; step < 200_000; step++) {
            now += random.nextInt(3);
            sweep(model, now);
            int op = random.nextInt(10);
            if (op < 4) {
                long tag = (random.nextBoolean() ? 0x00L : 0xFFL) << 24 | random.nextInt(64);
                LinkId link = new LinkId(tag << 32 | (random.nextLong() & 0xFFFF_FFFFL), random.nextLong());
                if (table.find(link, now, TTL) < 0) {
                    table.insert(link, now, TTL);
                    model.put(link, now);
                    if (model.size() > 100) {
                        model.remove(model.keySet().iterator().next());
                    }
                    known.add(link);
                }
            } else if (!known.isEmpty()) {
                LinkId link = known.get(random.nextInt(known.size()));
                assertEquals(model.containsKey(link), table.find(link, now, TTL) >= 0, "step " + step);
            }
            if (known.size() > 1000) {
                known.subList(0, 500).clear();
            }
        }
        for (LinkId link : known) {
            assertEquals(model.containsKey(link), table.find(link, now, TTL) >= 0);
        }
        assertEquals(model.size(), table.size());
    }

    @Test
    void theClaimedSlotShortcutAgreesWithTheIndexThroughEvictionExpiryReuseAndGrowth() {
        Random random = new Random(2027);
        LinkTable table = new LinkTable(64, random.nextLong() | 1);
        List<LinkId> known = new ArrayList<>();
        long now = 1;
        int found = 0;
        int gone = 0;
        for (int step = 0; step < 100_000; step++) {
            now += random.nextInt(100) == 0 ? TTL / 2 : random.nextInt(3);
            if (known.isEmpty() || random.nextInt(3) == 0) {
                // A click as the ledger takes it: found or inserted, then claimed (which remembers the slot).
                LinkId link = new LinkId(random.nextLong(), random.nextLong());
                int slot = table.find(link, now, TTL);
                if (slot < 0) {
                    slot = table.insert(link, now, TTL);
                }
                table.claim(slot, 7, now);
                known.add(link);
                if (known.size() > 300) {
                    known.remove(0);
                }
            } else {
                // Recent links mostly (a forward's end), older ones too: evicted, expired, their slots re-used.
                int back = Math.min(known.size(), random.nextBoolean() ? 4 : known.size());
                LinkId link = known.get(known.size() - 1 - random.nextInt(back));
                int shortcut = table.findClaimed(link, now, TTL);
                int indexed = table.find(link, now, TTL);
                assertEquals(indexed, shortcut, "step " + step);
                if (indexed >= 0) {
                    found++;
                } else {
                    gone++;
                }
            }
        }
        assertTrue(found > 10_000 && gone > 10_000, found + " found, " + gone + " gone");
    }

    @Test
    void aCopySurvivesTheTableGrowingUnderIt() {
        LinkTable table = new LinkTable(1000, 42);
        long copyAt = 4096;
        LinkId first = new LinkId(1, 1);
        int slot = table.insert(first, 10, TTL);
        table.claim(slot, 7, 10);
        table.complete(slot, copyAt, 9, null, 10, 500);
        for (int i = 2; i < 500; i++) { // grows from 16 slots several times
            table.insert(new LinkId(i, i), 10, TTL);
        }
        int moved = table.find(first, 10, TTL);
        assertEquals(copyAt, table.sharedResponse(moved, 7, 400, 500, 500));
        assertEquals(9, table.copySize(moved));
        assertEquals(1, table.copiesHeld());
        table.insert(new LinkId(-1, -1), 600, TTL);
        assertEquals(0, table.copiesHeld(), "released once its retention ended");
        assertEquals(-1, table.sharedResponse(moved, 7, 600, 500, 500));
    }

    @Test
    void theCopyQueueStaysWithinTwiceTheTableHoweverManyCopiesARetentionSees() {
        LinkTable table = new LinkTable(64, 42);
        long retention = 600_000;
        int max = 0;
        for (int i = 1; i <= 100_000; i++) {
            // One millisecond apart: every copy is inside its retention, and the oldest links drop at the bound.
            LinkId link = new LinkId(i, -i);
            int slot = table.insert(link, i, 10 * retention);
            table.claim(slot, i, i);
            table.complete(slot, i, 100, null, i, retention);
            max = Math.max(max, table.copiesHeld());
        }
        assertEquals(64, table.size());
        assertTrue(max <= 2 * 64, "queued copies stayed bounded by the table: " + max);
        for (int i = 100_000 - 63; i <= 100_000; i++) {
            int slot = table.find(new LinkId(i, -i), 100_000, 10 * retention);
            assertEquals(i, table.sharedResponse(slot, i, 100_000, retention, retention),
                    "every link still in the table keeps its copy");
        }
    }

    @Test
    void aLinkFoundExpiredIsGoneAndItsSlotIsReclaimedFromTheHead() {
        LinkTable table = new LinkTable(4, 42);
        LinkId old = new LinkId(1, 1);
        table.insert(old, 0, TTL);
        table.insert(new LinkId(2, 2), 900, TTL);
        assertTrue(table.find(old, 1000, TTL) < 0);
        assertEquals(1, table.size());
        for (int i = 3; i < 7; i++) {
            table.insert(new LinkId(i, i), 1000, TTL);
        }
        assertEquals(4, table.size(), "the bound counts live links once the gone one left the head");
    }

    @Test
    @Timeout(10) // a slot found for a link that already left would be removed twice: SlotIndex would spin
    void linksThatLeftAreNotFoundWhetherTheirSlotsAreReusedOrStillHoldTheirIds() {
        LinkTable table = new LinkTable(4, 42);
        LinkId a = new LinkId(0x100, 1);
        LinkId b = new LinkId(0x200, 2);
        int slotA = table.insert(a, 0, TTL);
        assertEquals(slotA, table.find(a, 1, TTL));
        int slotB = table.insert(b, 1, TTL);
        assertEquals(slotB, table.find(b, 2, TTL));
        assertEquals(slotA, table.find(a, 2, TTL));
        for (int i = 3; i < 7; i++) { // the bound is 4: a, then b, leave from the head and their slots are reused
            table.insert(new LinkId(0x300 + (i << 8), i), 3, TTL);
        }
        assertEquals(-1, table.find(a, 4, TTL));
        assertEquals(-1, table.find(b, 4, TTL));
        LinkId c = new LinkId(0x400, 3);
        int slotC = table.insert(c, 5, TTL);
        assertEquals(slotC, table.find(c, 6, TTL));
        assertEquals(-1, table.find(c, 5 + TTL, TTL), "expired: gone");
        assertEquals(-1, table.find(c, 5 + TTL, TTL));

        // Links dropped from the head when expired keep their ids in slots outside the ring until reused.
        LinkTable ring = new LinkTable(4, 42);
        LinkId x = new LinkId(0x501, 1);
        LinkId y = new LinkId(0x502, 2);
        ring.insert(x, 0, TTL);
        ring.insert(y, 0, TTL);
        ring.insert(new LinkId(0x503, 3), TTL, TTL); // drops x and y from the head, takes one slot
        assertEquals(-1, ring.find(x, TTL, TTL));
        assertEquals(-1, ring.find(y, TTL, TTL));
        assertEquals(1, ring.size());
    }

    private static void sweep(Map<LinkId, Long> model, long now) {
        Iterator<Long> head = model.values().iterator();
        while (head.hasNext() && now - head.next() >= TTL) {
            head.remove();
        }
    }
}
