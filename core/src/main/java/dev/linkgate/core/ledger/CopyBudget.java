package dev.linkgate.core.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps response copies within a memory budget: it queues each copy kept, in completion order, with its size,
 * and names the oldest to drop when a new one would pass the budget. Copies all have one retention, so the
 * queue is also expiry order, and expired entries leave from its head. A copy replaced before it expires
 * still counts until its entry leaves: the budget errs on the side of less memory. Its own monitor, held for
 * a few array updates; the caller drops the named copies from their stores after, under their own monitors
 * (or, like the in-memory ring, tells a dropped copy by its position and needs no names).
 */
public final class CopyBudget {
    private final long budget;
    private long[] high = new long[16];
    private long[] low = new long[16];
    private long[] until = new long[16];
    private int[] size = new int[16];
    private int head;
    private int count;
    private long used;
    private long dropped;

    /** A copy to drop: its link, and the retention end that names this copy (and not a later one). */
    public record Victim(long high, long low, long until) {
    }

    public CopyBudget(long budget) {
        this.budget = budget;
    }

    /** False when a copy of {@code bytes} can never fit: do not keep it at all. */
    public boolean fits(int bytes) {
        return bytes <= budget;
    }

    /** Queues a kept copy; returns the oldest copies to drop so that the total fits the budget again. */
    public synchronized List<Victim> kept(long linkHigh, long linkLow, int bytes, long keptUntil, long now) {
        return queue(linkHigh, linkLow, bytes, keptUntil, now, true);
    }

    /**
     * Queues a kept copy, dropping the oldest copies until the total fits the budget again, for a store that
     * needs no names: one that tells a dropped copy by where it was written.
     */
    public synchronized void kept(int bytes, long keptUntil, long now) {
        queue(0, 0, bytes, keptUntil, now, false);
    }

    private List<Victim> queue(long linkHigh, long linkLow, int bytes, long keptUntil, long now, boolean named) {
        while (count > 0 && until[head] < now) {
            pop();
        }
        List<Victim> victims = List.of();
        while (count > 0 && used + bytes > budget) {
            if (named) {
                if (victims.isEmpty()) {
                    victims = new ArrayList<>();
                }
                victims.add(new Victim(high[head], low[head], until[head]));
            }
            pop();
            dropped++;
        }
        if (count == high.length) {
            grow();
        }
        int tail = (head + count) % high.length;
        high[tail] = linkHigh;
        low[tail] = linkLow;
        until[tail] = keptUntil;
        size[tail] = bytes;
        count++;
        used += bytes;
        return victims;
    }

    /** Copies dropped so far to stay within the budget, before their retention ended. */
    public synchronized long dropped() {
        return dropped;
    }

    public synchronized long used() {
        return used;
    }

    private void pop() {
        used -= size[head];
        head = (head + 1) % high.length;
        count--;
    }

    private void grow() {
        int n = high.length * 2;
        long[] h = new long[n];
        long[] l = new long[n];
        long[] u = new long[n];
        int[] z = new int[n];
        for (int i = 0; i < count; i++) {
            int from = (head + i) % high.length;
            h[i] = high[from];
            l[i] = low[from];
            u[i] = until[from];
            z[i] = size[from];
        }
        high = h;
        low = l;
        until = u;
        size = z;
        head = 0;
    }
}
