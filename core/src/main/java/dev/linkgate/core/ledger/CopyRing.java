package dev.linkgate.core.ledger;

/**
 * The in-memory ledger's response copies as bytes in one ring, within the copy memory budget. Copies are
 * written in completion order and the budget drops them oldest first, so the live ones are always one run
 * of bytes ending where the next copy starts: a copy is still there while its position is not behind that
 * run. Links keep a copy's position and size, not an object: a copy is kept for the whole resume window, and
 * as an object each one was promoted, then found dead in the old generation, and every young collection
 * scanned the shards' reference arrays for it. The chunks are allocated as the ring first fills, then reused.
 */
final class CopyRing {
    /**
     * Under half of G1's smallest region (1 MiB), so a chunk is an ordinary object: as a humongous one, each would
     * take whole regions and leave most of the last one empty.
     */
    private static final int CHUNK = 256 << 10;

    private final CopyBudget budget;
    private final int chunk;
    private final byte[][] chunks;
    /** Bytes written since the start: where the next copy goes. */
    private long tail;
    /**
     * Where the oldest copy the budget still holds starts: a copy written before it is gone. It only moves
     * forward, so a reader without the monitor may see it late, never early: such a reader may think a copy
     * just dropped still held, and {@link #read} then says it is not.
     */
    private volatile long oldest;

    CopyRing(long maxBytes) {
        this.budget = new CopyBudget(maxBytes);
        this.chunk = (int) Math.max(1, Math.min(CHUNK, maxBytes));
        this.chunks = new byte[(int) Math.min(Integer.MAX_VALUE, (maxBytes + chunk - 1) / chunk)][];
    }

    /** False when a copy of {@code bytes} can never fit: do not keep it at all. */
    boolean fits(int bytes) {
        return budget.fits(bytes);
    }

    /**
     * Keeps the copy, dropping the oldest copies past the budget or their retention; returns where it starts.
     * A link keeps only that position: the copies dropped are told by it ({@link #holds}), so nobody has to look
     * up their links to let go of them.
     */
    synchronized long keep(SharedResponse copy, long keptUntil, long now) {
        byte[] bytes = copy.encoded();
        budget.kept(bytes.length, keptUntil, now);
        long at = tail;
        copy(bytes, at, true);
        tail += bytes.length;
        oldest = tail - budget.used();
        return at;
    }

    /** Whether the copy at {@code at} may still be held: false once the budget or its retention dropped it. */
    boolean holds(long at) {
        return at >= oldest;
    }

    /** Copies dropped so far to stay within the budget, before their retention ended. */
    long dropped() {
        return budget.dropped();
    }

    /** The copy of {@code size} bytes at {@code at}, or null once the budget dropped it (and others overwrote it). */
    synchronized SharedResponse read(long at, int size) {
        if (at < tail - budget.used() || at + size > tail) {
            return null;
        }
        byte[] bytes = new byte[size];
        copy(bytes, at, false);
        return SharedResponse.ofEncoded(bytes);
    }

    /** Bytes of copies the budget counts now. */
    synchronized long used() {
        return budget.used();
    }

    private void copy(byte[] bytes, long at, boolean in) {
        int done = 0;
        while (done < bytes.length) {
            long p = at + done;
            int c = (int) ((p / chunk) % chunks.length);
            int offset = (int) (p % chunk);
            if (chunks[c] == null) {
                chunks[c] = new byte[chunk];
            }
            int n = Math.min(bytes.length - done, chunk - offset);
            if (in) {
                System.arraycopy(bytes, done, chunks[c], offset, n);
            } else {
                System.arraycopy(chunks[c], offset, bytes, done, n);
            }
            done += n;
        }
    }
}
