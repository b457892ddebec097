package dev.linkgate.core.table;

/**
 * The open-addressing index of a table that keeps its entries in parallel primitive arrays, one slot each, keyed by
 * a 128-bit id (two longs): linear probing, a multiply-shift hash with a random multiplier, sized to be at most
 * half full. Each entry carries the top 32 bits of the id beside its slot ({@code tag << 32 | slot + 1}, 0 when
 * empty), so probing and the backward shift on removal read only this array: at a million entries every other
 * array read is a cache miss. The table owns the ids; {@link #find} compares them. Not thread-safe: the table's
 * lock guards it.
 */
public final class SlotIndex {
    private final long multiplier;
    private long[] index;
    private int shift;

    /** @param seed random bits: the hash's multiplier, so that no one can choose ids that collide */
    public SlotIndex(long seed) {
        this.multiplier = seed | 1;
    }

    /** Empties the index and sizes it for {@code capacity} slots (then re-{@link #place} every live slot). */
    public void reset(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
        index = new long[size];
        shift = 64 - Integer.numberOfTrailingZeros(size);
    }

    /** The slot of the id ({@code high}, {@code low}), or -1; {@code highs} and {@code lows} are the table's ids. */
    public int find(long high, long low, long[] highs, long[] lows) {
        int tag = tag(high);
        long[] idx = index;
        int mask = idx.length - 1;
        long e;
        for (int i = home(tag); (e = idx[i]) != 0; i = (i + 1) & mask) {
            if ((int) (e >>> 32) == tag) {
                int slot = (int) e - 1;
                if (highs[slot] == high && lows[slot] == low) {
                    return slot;
                }
            }
        }
        return -1;
    }

    /** Indexes {@code slot}, which holds an id whose high half is {@code high}. */
    public void place(long high, int slot) {
        int tag = tag(high);
        int mask = index.length - 1;
        int i = home(tag);
        while (index[i] != 0) {
            i = (i + 1) & mask;
        }
        index[i] = ((long) tag << 32) | (slot + 1);
    }

    /** Removes {@code slot} (its id's high half {@code high}), shifting later entries of its probe run back. */
    public void remove(long high, int slot) {
        int mask = index.length - 1;
        int i = home(tag(high));
        while ((int) index[i] != slot + 1) {
            i = (i + 1) & mask;
        }
        index[i] = 0;
        for (int j = (i + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
            int k = home((int) (index[j] >>> 32));
            // The entry at j may fill the hole at i when i lies on its probe path from k to j: no tombstones.
            if (((j - k) & mask) >= ((j - i) & mask)) {
                index[i] = index[j];
                index[j] = 0;
                i = j;
            }
        }
    }

    private static int tag(long high) {
        return (int) (high >>> 32);
    }

    private int home(int tag) {
        return (int) (((tag & 0xFFFF_FFFFL) * multiplier) >>> shift);
    }
}
