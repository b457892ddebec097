package dev.linkgate.core.history;

import dev.linkgate.core.table.SlotIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One shard of the in-memory link history in parallel primitive arrays, dense from slot 0: a link's ids, the
 * second of its last event, a meta word (events held, the oldest's place, first-open flags, where the events
 * are) and room for {@value #INLINE} events inline. A link with more events moves them to a block of
 * {@link EventBlocks} with room for {@code maxEvents}; its inline room then holds the block's number and the
 * first open once that is kept apart. Recording an event writes ints into arrays that exist already: no object
 * outlives the call and no reference is stored, so young collections neither copy a link's events nor scan
 * these arrays' cards for them.
 *
 * <p>An open-addressing index ({@link SlotIndex}: linear probing, multiply-shift hash with a random multiplier) holds each link's
 * slot beside the top 32 bits of its id, so probing reads only the index. Beyond its bound, a new link evicts the
 * stalest of a few links (an expired one is the stalest): approximate, with no order kept per link, like Redis's
 * sampled eviction, but the few are the next {@value #SAMPLES} slots of a window swept through the table rather
 * than random ones. Slots are not in any age order once the table has turned over, so a window is as fair a
 * sample as a random one, and its last-event seconds share a cache line where random ones were a cache miss each;
 * the victims of successive evictions, whose slots the new links then write, follow each other through memory.
 * The new link takes the evicted link's slot, so no other link moves and no other index entry is touched.
 *
 * <p>The first open is kept apart only once it would scroll out of the last events; until then it is the
 * first forward among them. Every method holds this table's monitor.
 */
final class HistoryTable {
    /** Events a slot holds inline: a scanner's visit and the person's click, the common story. */
    static final int INLINE = 2;
    /** The inline ints of all slots fit one array. */
    static final int MAX_CAPACITY = 1 << 27;
    private static final int EVENT = PackedEvents.INTS;
    private static final int WIDTH = INLINE * EVENT;
    private static final int SAMPLES = 8;
    private static final int MIN_CAPACITY = 16;
    // The meta word: events held (7 bits), where the oldest is (7 bits), then flags.
    private static final int COUNT = 0x7f;
    private static final int OLDEST_SHIFT = 7;
    /** A forward was recorded: the link has a first open. */
    private static final int HAS_FIRST = 1 << 14;
    /** The first open scrolled out of the last events and is kept apart, in the second inline event's place. */
    private static final int FIRST_APART = 1 << 15;
    /** The events are in a block, whose number is the slot's first inline int. */
    private static final int IN_BLOCK = 1 << 16;

    private final int bound;
    private final int maxEvents;
    private final int inlineRing;
    private final PackedEvents codec;
    private final EventBlocks blocks;

    private long[] high;
    private long[] low;
    /** The link's last event, in epoch seconds (unsigned): what expiry and eviction read. */
    private int[] last;
    private int[] meta;
    private int[] inline;
    private int capacity;
    private int size;
    /** The first slot of the next eviction's window. */
    private int sweep;

    private final SlotIndex index;

    HistoryTable(int bound, int maxEvents, PackedEvents codec, long seed) {
        this.bound = Math.max(1, Math.min(bound, MAX_CAPACITY));
        this.maxEvents = maxEvents;
        this.inlineRing = Math.min(INLINE, maxEvents);
        this.index = new SlotIndex(seed);
        this.codec = codec;
        this.blocks = new EventBlocks(maxEvents * EVENT);
        resize(Math.min(this.bound, MIN_CAPACITY));
    }

    /** Appends the event to the link's history, starting it afresh when it expired. */
    synchronized void record(long h, long l, HistoryEvent event, long now, long ttl) {
        int slot = index.find(h, l, high, low);
        if (slot < 0) {
            slot = add(h, l);
        } else if (expired(slot, now, ttl)) {
            clear(slot);
        }
        append(slot, event);
        last[slot] = (int) event.at().getEpochSecond();
    }

    /** The link's story, or null when it has none or it expired. */
    synchronized LinkStory story(long h, long l, long now, long ttl) {
        int slot = index.find(h, l, high, low);
        return slot < 0 || expired(slot, now, ttl) ? null : story(slot);
    }

    synchronized int size() {
        return size;
    }

    synchronized int capacity() {
        return capacity;
    }

    synchronized int blocksInUse() {
        return blocks.inUse();
    }

    private boolean expired(int slot, long now, long ttl) {
        return now - Integer.toUnsignedLong(last[slot]) >= ttl;
    }

    private void append(int slot, HistoryEvent event) {
        int m = meta[slot];
        int count = m & COUNT;
        int oldest = m >>> OLDEST_SHIFT & COUNT;
        if ((m & IN_BLOCK) == 0 && count == inlineRing
                && (inlineRing < maxEvents || keepsFirstAtOldest(m, inline, slot * WIDTH + oldest * EVENT))) {
            m = toBlock(slot, m, count, oldest);
            oldest = 0;
        }
        int ring = (m & IN_BLOCK) != 0 ? maxEvents : inlineRing;
        int[] store = store(slot, m);
        int base = base(slot, m);
        int at;
        if (count < ring) {
            at = (oldest + count) % ring;
            count++;
        } else {
            // Full: the new event overwrites the oldest. A first open there is kept apart first (only in a block).
            if (keepsFirstAtOldest(m, store, base + oldest * EVENT)) {
                System.arraycopy(store, base + oldest * EVENT, inline, slot * WIDTH + EVENT, EVENT);
                m |= FIRST_APART;
            }
            at = oldest;
            oldest = (oldest + 1) % ring;
        }
        codec.encode(event, store, base + at * EVENT);
        if (event.opened()) {
            m |= HAS_FIRST;
        }
        meta[slot] = m & ~(COUNT | COUNT << OLDEST_SHIFT) | count | oldest << OLDEST_SHIFT;
    }

    /** Whether the oldest event is the first open, which must then outlive it. */
    private static boolean keepsFirstAtOldest(int m, int[] store, int oldestAt) {
        return (m & (HAS_FIRST | FIRST_APART)) == HAS_FIRST && PackedEvents.opened(store, oldestAt);
    }

    /** Moves the inline events to a new block, oldest first; returns the new meta word. */
    private int toBlock(int slot, int m, int count, int oldest) {
        int block = blocks.allocate();
        int[] chunk = blocks.chunk(block);
        int offset = blocks.offset(block);
        for (int i = 0; i < count; i++) {
            System.arraycopy(inline, slot * WIDTH + ((oldest + i) % inlineRing) * EVENT, chunk, offset + i * EVENT, EVENT);
        }
        inline[slot * WIDTH] = block;
        return m & ~(COUNT << OLDEST_SHIFT) | IN_BLOCK;
    }

    private int[] store(int slot, int m) {
        return (m & IN_BLOCK) != 0 ? blocks.chunk(inline[slot * WIDTH]) : inline;
    }

    private int base(int slot, int m) {
        return (m & IN_BLOCK) != 0 ? blocks.offset(inline[slot * WIDTH]) : slot * WIDTH;
    }

    private LinkStory story(int slot) {
        int m = meta[slot];
        int count = m & COUNT;
        int oldest = m >>> OLDEST_SHIFT & COUNT;
        int ring = (m & IN_BLOCK) != 0 ? maxEvents : inlineRing;
        int[] store = store(slot, m);
        int base = base(slot, m);
        List<HistoryEvent> events = new ArrayList<>(count);
        HistoryEvent first = (m & FIRST_APART) != 0 ? codec.decode(inline, slot * WIDTH + EVENT) : null;
        for (int i = 0; i < count; i++) {
            HistoryEvent e = codec.decode(store, base + ((oldest + i) % ring) * EVENT);
            if (first == null && (m & HAS_FIRST) != 0 && e.opened()) {
                first = e;
            }
            events.add(e);
        }
        return new LinkStory(first, events);
    }

    /** Empties the slot's history (the link stays indexed). */
    private void clear(int slot) {
        if ((meta[slot] & IN_BLOCK) != 0) {
            blocks.release(inline[slot * WIDTH]);
        }
        meta[slot] = 0;
    }

    private int add(long h, long l) {
        int slot;
        if (size == bound) {
            // The new link takes the evicted one's slot: the slots stay dense and no other link moves.
            slot = evictOne();
        } else {
            if (size == capacity) {
                resize((int) Math.min(bound, 2L * capacity));
            }
            slot = size++;
        }
        high[slot] = h;
        low[slot] = l;
        meta[slot] = 0;
        index.place(h, slot);
        return slot;
    }

    /** Unindexes and empties the stalest link of the next window of slots; returns its slot, now free. */
    private int evictOne() {
        int i = sweep;
        int victim = i;
        for (int n = Math.min(SAMPLES, size); n > 1; n--) {
            i = i + 1 == size ? 0 : i + 1;
            if (Integer.compareUnsigned(last[i], last[victim]) < 0) {
                victim = i;
            }
        }
        sweep = i + 1 == size ? 0 : i + 1;
        index.remove(high[victim], victim);
        clear(victim);
        return victim;
    }

    /** Grows the slot arrays (doubling up to the bound) and rebuilds the index at most half full. */
    private void resize(int newCapacity) {
        high = high == null ? new long[newCapacity] : Arrays.copyOf(high, newCapacity);
        low = low == null ? new long[newCapacity] : Arrays.copyOf(low, newCapacity);
        last = last == null ? new int[newCapacity] : Arrays.copyOf(last, newCapacity);
        meta = meta == null ? new int[newCapacity] : Arrays.copyOf(meta, newCapacity);
        inline = inline == null ? new int[newCapacity * WIDTH] : Arrays.copyOf(inline, newCapacity * WIDTH);
        capacity = newCapacity;
        index.reset(newCapacity);
        for (int slot = 0; slot < size; slot++) {
            index.place(high[slot], slot);
        }
    }
}
