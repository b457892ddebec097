package dev.linkgate.core.table;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The index against a map, over a long random run of places and removals in a small table, freed slots taken again, so that probe
 * runs wrap around the array's end and removals shift entries back across it. Ids share their high halves in
 * groups, as tags that collide.
 */
class SlotIndexTest {
    private static final int CAPACITY = 64;

    @Test
    void findsEveryLiveIdAndNoRemovedOneThroughPlacesRemovalsAndReusedSlots() {
        SplittableRandom random = new SplittableRandom(15);
        SlotIndex index = new SlotIndex(random.nextLong());
        index.reset(CAPACITY);
        long[] high = new long[CAPACITY];
        long[] low = new long[CAPACITY];
        Map<List<Long>, Integer> model = new HashMap<>();
        List<List<Long>> removed = new ArrayList<>();
        List<Integer> live = new ArrayList<>();
        List<Integer> free = new ArrayList<>();
        for (int slot = CAPACITY - 1; slot >= 0; slot--) {
            free.add(slot);
        }
        for (int step = 0; step < 20_000; step++) {
            int op = random.nextInt(3);
            if (op == 0 && !free.isEmpty()) {
                // A few distinct high halves only: many ids share a tag and must be told apart by the whole id.
                // A freed slot is taken again, as a full table's new entry takes its evicted one's.
                int slot = free.remove(free.size() - 1);
                long h = (long) random.nextInt(8) << 32 | random.nextInt();
                long l = random.nextLong();
                high[slot] = h;
                low[slot] = l;
                index.place(h, slot);
                model.put(List.of(h, l), slot);
                live.add(slot);
            } else if (op == 1 && !live.isEmpty()) {
                int slot = live.remove(random.nextInt(live.size()));
                List<Long> gone = List.of(high[slot], low[slot]);
                index.remove(high[slot], slot);
                model.remove(gone);
                removed.add(gone);
                free.add(slot);
            } else if (op == 2) {
                for (Map.Entry<List<Long>, Integer> e : model.entrySet()) {
                    assertEquals(e.getValue(), index.find(e.getKey().get(0), e.getKey().get(1), high, low),
                            "step " + step);
                }
                for (List<Long> gone : removed) {
                    if (!model.containsKey(gone)) {
                        assertEquals(-1, index.find(gone.get(0), gone.get(1), high, low), "step " + step);
                    }
                }
                removed.clear();
            }
        }
    }

    @Test
    void aResetEmptiesIt() {
        SlotIndex index = new SlotIndex(42);
        index.reset(4);
        long[] high = {7L << 32};
        long[] low = {9};
        index.place(high[0], 0);
        assertEquals(0, index.find(high[0], low[0], high, low));

        index.reset(8);

        assertEquals(-1, index.find(high[0], low[0], high, low));
    }
}
