package dev.linkgate.core.table;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The index against a map, over a long random run of places, removals and moves in a small table, so that probe
 * runs wrap around the array's end and removals shift entries back across it. Ids share their high halves in
 * groups, as tags that collide.
 */
class SlotIndexTest {
    private static final int CAPACITY = 64;

    @Test
    void findsEveryLiveIdAndNoRemovedOneThroughPlacesRemovalsAndMoves() {
        SplittableRandom random = new SplittableRandom(15);
        SlotIndex index = new SlotIndex(random.nextLong());
        index.reset(CAPACITY);
        long[] high = new long[CAPACITY];
        long[] low = new long[CAPACITY];
        Map<List<Long>, Integer> model = new HashMap<>();
        List<List<Long>> removed = new ArrayList<>();
        int size = 0;
        for (int step = 0; step < 20_000; step++) {
            int op = random.nextInt(3);
            if (op == 0 && size < CAPACITY) {
                // A few distinct high halves only: many ids share a tag and must be told apart by the whole id.
                long h = (long) random.nextInt(8) << 32 | random.nextInt();
                long l = random.nextLong();
                high[size] = h;
                low[size] = l;
                index.place(h, size);
                model.put(List.of(h, l), size);
                size++;
            } else if (op == 1 && size > 0) {
                // Remove a random slot and move the last one into it, as a dense table does.
                int slot = random.nextInt(size);
                List<Long> gone = List.of(high[slot], low[slot]);
                index.remove(high[slot], slot);
                model.remove(gone);
                removed.add(gone);
                int last = --size;
                if (slot != last) {
                    high[slot] = high[last];
                    low[slot] = low[last];
                    index.repoint(high[slot], last, slot);
                    model.put(List.of(high[slot], low[slot]), slot);
                }
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
