package dev.linkgate.core.history;

import dev.linkgate.core.request.LinkId;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Link histories in this process: an open-addressing table from link id (two longs) to the link's packed
 * events ({@link PackedEvents}), so each link costs its ids, one reference and one small array. A link's
 * history expires {@code ttl} after its last event. Beyond {@code maxLinks}, a new link evicts the stalest of a
 * few sampled links (approximate, like Redis's own eviction) instead of keeping an order list per link.
 * One lock: a write is a few hundred bytes copied, far below a request's cost.
 */
public final class InMemoryLinkHistory implements LinkHistory {
    private static final int SAMPLES = 8;

    private final int maxEvents;
    private final long maxLinks;
    private final long ttlSeconds;
    private final Clock clock;
    private final PackedEvents codec;
    private long[] high = new long[16];
    private long[] low = new long[16];
    private byte[][] values = new byte[16][];
    /**
     * Each link's last event, in epoch seconds (unsigned): eviction samples this array instead of reaching into
     * a sampled link's events, one cache miss less per sample.
     */
    private int[] last = new int[16];
    private int size;

    public InMemoryLinkHistory(int maxEvents, long maxLinks, Duration ttl, Clock clock, String replica) {
        if (maxEvents < 1 || maxEvents > 64) {
            throw new IllegalArgumentException("maxEvents must be 1..64");
        }
        this.maxEvents = maxEvents;
        this.maxLinks = maxLinks;
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
        this.clock = clock;
        this.codec = new PackedEvents(replica);
    }

    @Override
    public void record(LinkId link, HistoryEvent event) {
        // Packed before taking the lock: the event loops only wait on each other for the table itself.
        byte[] encoded = codec.encode(event);
        int at = (int) event.at().getEpochSecond();
        synchronized (this) {
            int slot = find(link);
            if (slot >= 0) {
                byte[] old = expired(slot) ? null : values[slot];
                values[slot] = PackedEvents.append(old, encoded, event.opened(), maxEvents);
                last[slot] = at;
                return;
            }
            if (size >= maxLinks) {
                evictOne();
            }
            if ((size + 1) * 4L > values.length * 3L) {
                resize(values.length * 2);
            }
            insert(link.high(), link.low(), PackedEvents.append(null, encoded, event.opened(), maxEvents), at);
        }
    }

    @Override
    public CompletionStage<Optional<LinkStory>> story(LinkId link) {
        byte[] packed;
        synchronized (this) {
            int slot = find(link);
            packed = slot < 0 || expired(slot) ? null : values[slot];
        }
        return CompletableFuture.completedFuture(packed == null ? Optional.empty() : Optional.of(codec.decode(packed)));
    }

    /** Links with a history now (expired ones included until they are evicted or overwritten). */
    public synchronized int size() {
        return size;
    }

    private boolean expired(int slot) {
        return clock.instant().getEpochSecond() - Integer.toUnsignedLong(last[slot]) >= ttlSeconds;
    }

    private int find(LinkId link) {
        int mask = values.length - 1;
        for (int i = slotOf(link.high(), link.low(), mask); values[i] != null; i = (i + 1) & mask) {
            if (high[i] == link.high() && low[i] == link.low()) {
                return i;
            }
        }
        return -1;
    }

    private void insert(long h, long l, byte[] value, int lastSeconds) {
        int mask = values.length - 1;
        int i = slotOf(h, l, mask);
        while (values[i] != null) {
            i = (i + 1) & mask;
        }
        high[i] = h;
        low[i] = l;
        values[i] = value;
        last[i] = lastSeconds;
        size++;
    }

    /** Removes the stalest of a few random links (an expired one at once). */
    private void evictOne() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int mask = values.length - 1;
        int victim = -1;
        long stalest = Long.MAX_VALUE;
        for (int n = 0; n < SAMPLES * 4 && (victim < 0 || n < SAMPLES); n++) {
            int i = random.nextInt(values.length);
            while (values[i] == null) {
                i = (i + 1) & mask;
            }
            long seen = Integer.toUnsignedLong(last[i]);
            if (seen < stalest) {
                stalest = seen;
                victim = i;
            }
        }
        remove(victim);
    }

    /** Backward-shift deletion: later entries of the probe run move up, so lookups never need tombstones. */
    private void remove(int slot) {
        int mask = values.length - 1;
        int hole = slot;
        for (int i = (slot + 1) & mask; values[i] != null; i = (i + 1) & mask) {
            int home = slotOf(high[i], low[i], mask);
            boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
            if (movable) {
                high[hole] = high[i];
                low[hole] = low[i];
                values[hole] = values[i];
                last[hole] = last[i];
                hole = i;
            }
        }
        values[hole] = null;
        size--;
    }

    private void resize(int capacity) {
        long[] oldHigh = high;
        long[] oldLow = low;
        byte[][] oldValues = values;
        int[] oldLast = last;
        high = new long[capacity];
        low = new long[capacity];
        values = new byte[capacity][];
        last = new int[capacity];
        size = 0;
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != null) {
                insert(oldHigh[i], oldLow[i], oldValues[i], oldLast[i]);
            }
        }
    }

    private static int slotOf(long high, long low, int mask) {
        // Link ids are SHA-256 bits already: any of them spreads evenly.
        return (int) (low ^ (low >>> 32)) & mask;
    }
}
