package dev.linkgate.core.ledger;

import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.table.SlotIndex;

import java.time.Instant;
import java.util.Arrays;

/**
 * One shard's links in parallel primitive arrays, not an object per link: a million links are a few dozen
 * arrays that the GC never traces or promotes, about 100 bytes a link. Slots form a ring in insertion order
 * (oldest at {@code head}), which with one TTL is expiry order, so expiry and the bound both evict from the
 * head; an open-addressing index ({@link SlotIndex}: linear probing, multiply-shift hash with a random
 * multiplier) finds a link's slot. Each index entry carries the top 32 bits of the link's id beside its slot,
 * so probing and the backward shift on removal read only the index: at a million links every other array read
 * is a cache miss.
 * Arrays grow by doubling up to the bound. Not thread-safe: its shard's monitor guards it.
 */
final class LinkTable {
    static final byte OPEN = 0;
    static final byte IN_FLIGHT = 1;
    static final byte FORWARDED = 2;
    /** Removed before it reached the head (found expired by a look-up); its slot waits for the head. */
    private static final byte GONE = 3;
    private static final int MIN_CAPACITY = 16;
    private static final int RECENT_CLAIMS = 16;
    /** Keeps the index size an int; far beyond what any heap holds (~100 bytes a link). */
    private static final int MAX_CAPACITY = 1 << 28;

    private final int bound;

    // The link's state, one slot each; times are epoch millis, 0 when unset.
    private long[] high;
    private long[] low;
    private long[] createdAt;
    private byte[] state;
    private long[] owner;
    private long[] claimedAt;
    private long[] firstOpenedAt;
    // Fan-out keeps the two most recent distinct networks: two are enough to tell "2 or more".
    private long[] netA;
    private long[] netAAt;
    private long[] netB;
    private long[] netBAt;
    // The copy's place in the ledger's CopyRing, plus one (0: no copy), and its size.
    private long[] copyAt;
    private int[] copySize;
    private long[] responseUntil;
    // The browser (linkgate's cookie) whose forward settled the link; 0, 0 when none.
    private long[] browserHigh;
    private long[] browserLow;

    private int capacity;
    private int head;
    private int used;
    private int live;

    private final SlotIndex index;
    /**
     * The slots of the links claimed last ({@code slot + 1}, 0 for none), by the low bits of their ids: a forward's
     * completion finds its slot here, checked against the id, instead of probing the index again, whose line the
     * requests in between have usually pushed out of the cache by then (at a million links).
     */
    private final int[] recentClaims = new int[RECENT_CLAIMS];

    // Slots holding a copy, in completion order, which with one retention is expiry order.
    private int[] copySlot = new int[MIN_CAPACITY];
    private long[] copyUntil = new long[MIN_CAPACITY];
    private int copyHead;
    private int copies;

    LinkTable(int bound, long seed) {
        this.bound = Math.max(1, Math.min(bound, MAX_CAPACITY));
        this.index = new SlotIndex(seed);
        resize(Math.min(this.bound, MIN_CAPACITY));
    }

    int size() {
        return live;
    }

    /** Entries in the copy queue: the copies held, and those dropped early that wait for their retention's end. */
    int copiesHeld() {
        return copies;
    }

    /**
     * As {@link #find}, first trying the slot the link was last claimed at: the look-up of a forward's end, when the
     * link was claimed a moment ago. A slot dropped or re-used since holds another id (or is gone), and the index
     * answers instead.
     */
    int findClaimed(LinkId link, long now, long ttl) {
        int slot = recentClaims[(int) link.low() & (RECENT_CLAIMS - 1)] - 1;
        if (slot >= 0 && state[slot] != GONE && high[slot] == link.high() && low[slot] == link.low()
                && now - createdAt[slot] < ttl) {
            return slot;
        }
        return find(link, now, ttl);
    }

    /** The link's slot, or -1 when it is unknown or expired (an expired link is removed). */
    int find(LinkId link, long now, long ttl) {
        int slot = index.find(link.high(), link.low(), high, low);
        if (slot >= 0 && now - createdAt[slot] >= ttl) {
            index.remove(high[slot], slot);
            state[slot] = GONE;
            copyAt[slot] = 0;
            live--;
            return -1;
        }
        return slot;
    }

    /** A new OPEN link's slot; first drops expired links (and, at the bound, the oldest) from the head. */
    int insert(LinkId link, long now, long ttl) {
        while (used > 0 && (state[head] == GONE || now - createdAt[head] >= ttl)) {
            dropHead();
        }
        if (used == capacity) {
            if (capacity < bound) {
                resize((int) Math.min(bound, 2L * capacity));
            } else {
                dropHead();
            }
        }
        int slot = (head + used) % capacity;
        used++;
        live++;
        high[slot] = link.high();
        low[slot] = link.low();
        createdAt[slot] = now;
        state[slot] = OPEN;
        owner[slot] = 0;
        claimedAt[slot] = 0;
        firstOpenedAt[slot] = 0;
        netA[slot] = 0;
        netAAt[slot] = 0;
        netB[slot] = 0;
        netBAt[slot] = 0;
        copyAt[slot] = 0;
        responseUntil[slot] = 0;
        browserHigh[slot] = 0;
        browserLow[slot] = 0;
        index.place(link.high(), slot);
        releaseCopies(now);
        return slot;
    }

    byte state(int slot) {
        return state[slot];
    }

    long owner(int slot) {
        return owner[slot];
    }

    /** Records the network when it counts, and returns the distinct networks within the window. */
    int recordNetwork(int slot, long network, boolean count, long now, long window) {
        boolean aLive = netAAt[slot] != 0 && now - netAAt[slot] <= window;
        boolean bLive = netBAt[slot] != 0 && now - netBAt[slot] <= window;
        int seen = (aLive ? 1 : 0) + (bLive ? 1 : 0);
        if (!count) {
            return seen;
        }
        if (aLive && netA[slot] == network) {
            netAAt[slot] = now;
            return seen;
        }
        if (bLive && netB[slot] == network) {
            netBAt[slot] = now;
            return seen;
        }
        // A network not seen within the window: take a dead slot, else the older one (two still tell "2+").
        if (!aLive || (bLive && netAAt[slot] <= netBAt[slot])) {
            netA[slot] = network;
            netAAt[slot] = now;
        } else {
            netB[slot] = network;
            netBAt[slot] = now;
        }
        return seen + 1;
    }

    int networksWithin(int slot, long now, long window) {
        return (netAAt[slot] != 0 && now - netAAt[slot] <= window ? 1 : 0)
                + (netBAt[slot] != 0 && now - netBAt[slot] <= window ? 1 : 0);
    }

    void claim(int slot, long fingerprint, long now) {
        recentClaims[(int) low[slot] & (RECENT_CLAIMS - 1)] = slot + 1;
        state[slot] = IN_FLIGHT;
        owner[slot] = fingerprint;
        claimedAt[slot] = now;
        copyAt[slot] = 0;
        responseUntil[slot] = 0;
        browserHigh[slot] = 0;
        browserLow[slot] = 0;
    }

    /**
     * The owner's forward got its answer: the link is used from the time of that click, and belongs to
     * {@code browser} (null when the browser got no cookie). Its copy is {@code size} bytes at {@code at} in the
     * ledger's ring; {@code at} is negative when no copy is kept.
     */
    void complete(int slot, long at, int size, BrowserId browser, long now, long retention) {
        boolean copy = at >= 0;
        state[slot] = FORWARDED;
        browserHigh[slot] = browser == null ? 0 : browser.high();
        browserLow[slot] = browser == null ? 0 : browser.low();
        if (firstOpenedAt[slot] == 0) {
            firstOpenedAt[slot] = claimedAt[slot];
        }
        releaseCopies(now);
        copyAt[slot] = copy ? at + 1 : 0;
        copySize[slot] = copy ? size : 0;
        responseUntil[slot] = copy ? now + retention : 0;
        if (copy) {
            queueCopy(slot, now + retention);
        }
    }

    /** The owner's forward failed: back to how the link stood before the claim (used or open). */
    void release(int slot) {
        state[slot] = firstOpenedAt[slot] != 0 ? FORWARDED : OPEN;
        owner[slot] = 0;
        claimedAt[slot] = 0;
    }

    /**
     * Where the copy for this fingerprint is (-1: none) while the double-click part of its retention lasts:
     * {@code doubleClick} of the {@code retention} it was kept for.
     */
    long sharedResponse(int slot, long fingerprint, long now, long doubleClick, long retention) {
        if (copyAt[slot] == 0 || now > responseUntil[slot] - retention + doubleClick) {
            return -1;
        }
        return owner[slot] == fingerprint && state[slot] == FORWARDED ? copyAt[slot] - 1 : -1;
    }

    /** Where the copy for the browser that owns the link is (-1: none), while its retention lasts; constant time. */
    long resumeCopy(int slot, BrowserId browser, long now) {
        boolean owns = browser.sameAs(ownerBrowser(slot));
        return owns && copyHeld(slot, now) ? copyAt[slot] - 1 : -1;
    }

    /** The size of the slot's copy, in bytes. */
    int copySize(int slot) {
        return copySize[slot];
    }

    private BrowserId ownerBrowser(int slot) {
        return (browserHigh[slot] | browserLow[slot]) == 0 ? null : new BrowserId(browserHigh[slot], browserLow[slot]);
    }

    private boolean copyHeld(int slot, long now) {
        return copyAt[slot] != 0 && now <= responseUntil[slot] && state[slot] == FORWARDED;
    }

    /** The link as the policy sees it; its copy counts as held only while {@code ring} still holds its bytes. */
    LinkView view(int slot, int networks, boolean claimedNow, long now, CopyRing ring) {
        LinkState s = switch (state[slot]) {
            case IN_FLIGHT -> LinkState.IN_FLIGHT;
            case FORWARDED -> LinkState.FORWARDED;
            default -> LinkState.OPEN;
        };
        return new LinkView(s, s == LinkState.OPEN ? 0 : owner[slot],
                s == LinkState.OPEN || claimedAt[slot] == 0 ? null : Instant.ofEpochMilli(claimedAt[slot]),
                firstOpenedAt[slot] == 0 ? null : Instant.ofEpochMilli(firstOpenedAt[slot]), networks, claimedNow,
                s == LinkState.FORWARDED ? ownerBrowser(slot) : null,
                copyHeld(slot, now) && ring.holds(copyAt[slot] - 1));
    }

    private void dropHead() {
        int slot = head;
        if (state[slot] != GONE) {
            index.remove(high[slot], slot);
            live--;
        }
        state[slot] = GONE; // outside the ring now: findClaimed must not take it for the link it held
        copyAt[slot] = 0;
        head = (head + 1) % capacity;
        used--;
    }

    private void queueCopy(int slot, long until) {
        if (copies == copySlot.length) {
            regrowCopyQueue();
        }
        int tail = (copyHead + copies) % copySlot.length;
        copySlot[tail] = slot;
        copyUntil[tail] = until;
        copies++;
    }

    /**
     * Makes room in the full copy queue. Once it has as many entries as the table has slots, it keeps only those
     * whose slot still holds that copy (a slot dropped from the head, or completed again, left its entry behind):
     * a slot holds one copy at a time, so the queue stays within twice the table's size however many first clicks
     * a retention sees, instead of one entry per copy made in the last {@code retention}.
     */
    private void regrowCopyQueue() {
        boolean prune = copies >= capacity;
        int keep = copies;
        if (prune) {
            keep = 0;
            for (int n = 0; n < copies; n++) {
                if (stillQueued((copyHead + n) % copySlot.length)) {
                    keep++;
                }
            }
        }
        int length = Math.max(MIN_CAPACITY, keep * 2);
        int[] slots = new int[length];
        long[] untils = new long[length];
        int kept = 0;
        for (int n = 0; n < copies; n++) {
            int q = (copyHead + n) % copySlot.length;
            if (!prune || stillQueued(q)) {
                slots[kept] = copySlot[q];
                untils[kept] = copyUntil[q];
                kept++;
            }
        }
        copySlot = slots;
        copyUntil = untils;
        copyHead = 0;
        copies = kept;
    }

    /** Whether queue entry {@code q}'s slot still holds the copy the entry was queued for. */
    private boolean stillQueued(int q) {
        int slot = copySlot[q];
        return copyAt[slot] != 0 && responseUntil[slot] == copyUntil[q];
    }

    /** Drops the copies whose retention has ended, whether or not anybody asked for them since. */
    private void releaseCopies(long now) {
        while (copies > 0 && now > copyUntil[copyHead]) {
            int slot = copySlot[copyHead];
            // A slot re-used or re-completed since holds another copy with another end: leave that one.
            if (responseUntil[slot] == copyUntil[copyHead]) {
                copyAt[slot] = 0;
            }
            copyHead = (copyHead + 1) % copySlot.length;
            copies--;
        }
    }

    /** Moves the ring to fresh arrays of the new capacity, oldest first at slot 0, and rebuilds the index. */
    private void resize(int newCapacity) {
        Arrays.fill(recentClaims, 0); // slots move
        int[] moved = new int[Math.max(capacity, 1)];
        for (int n = 0; n < used; n++) {
            moved[(head + n) % capacity] = n;
        }
        high = ring(high, newCapacity);
        low = ring(low, newCapacity);
        createdAt = ring(createdAt, newCapacity);
        owner = ring(owner, newCapacity);
        claimedAt = ring(claimedAt, newCapacity);
        firstOpenedAt = ring(firstOpenedAt, newCapacity);
        netA = ring(netA, newCapacity);
        netAAt = ring(netAAt, newCapacity);
        netB = ring(netB, newCapacity);
        netBAt = ring(netBAt, newCapacity);
        responseUntil = ring(responseUntil, newCapacity);
        copyAt = ring(copyAt, newCapacity);
        int[] sizes = new int[newCapacity];
        browserHigh = ring(browserHigh, newCapacity);
        browserLow = ring(browserLow, newCapacity);
        byte[] states = new byte[newCapacity];
        for (int n = 0; n < used; n++) {
            states[n] = state[(head + n) % capacity];
            sizes[n] = copySize[(head + n) % capacity];
        }
        state = states;
        copySize = sizes;
        for (int n = 0; n < copies; n++) {
            int q = (copyHead + n) % copySlot.length;
            copySlot[q] = moved[copySlot[q]];
        }
        capacity = newCapacity;
        head = 0;

        index.reset(newCapacity);
        for (int slot = 0; slot < used; slot++) {
            if (state[slot] != GONE) {
                index.place(high[slot], slot);
            }
        }
    }

    private long[] ring(long[] old, int newCapacity) {
        long[] fresh = new long[newCapacity];
        if (old != null) {
            for (int n = 0; n < used; n++) {
                fresh[n] = old[(head + n) % capacity];
            }
        }
        return fresh;
    }
}
