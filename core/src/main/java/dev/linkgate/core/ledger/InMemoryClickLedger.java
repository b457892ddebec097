package dev.linkgate.core.ledger;

import dev.linkgate.core.request.LinkId;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The click ledger of one process. Links live in shards of insertion-ordered maps, each guarded by its own
 * monitor held only for a few field updates (no I/O, no callbacks under it), so event loops never wait on
 * each other for long. Because every link has the same TTL, insertion order is expiry order: each insert
 * sweeps expired links from the head, and the bound evicts the oldest. Response copies are dropped as soon as
 * their retention ends, not with their link: a copy is several times the size of the rest of a link's state.
 */
public final class InMemoryClickLedger implements ClickLedger {
    private static final int SHARDS = 64;

    private final LedgerSettings settings;
    private final Clock clock;
    private final Shard[] shards = new Shard[SHARDS];
    private final NonceSet nonces;
    private final long ttlMillis;
    private final long fanOutMillis;
    private final long retentionMillis;

    public InMemoryClickLedger(LedgerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.ttlMillis = settings.linkTtl().toMillis();
        this.fanOutMillis = settings.fanOutWindow().toMillis();
        this.retentionMillis = settings.responseRetention().toMillis();
        int perShard = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (settings.maxLinks() + SHARDS - 1) / SHARDS));
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new Shard(perShard);
        }
        this.nonces = new NonceSet(Math.max(1024, settings.maxLinks()));
    }

    public LedgerSettings settings() {
        return settings;
    }

    @Override
    public CompletionStage<LinkView> visit(Visit visit) {
        long now = clock.millis();
        Shard shard = shardOf(visit.link());
        LinkView view;
        synchronized (shard) {
            LinkRecord r = shard.live(visit.link(), now, ttlMillis);
            if (r == null) {
                r = new LinkRecord(now);
                shard.insert(visit.link(), r, now, ttlMillis);
            }
            int networks = r.recordNetwork(visit.network(), visit.countForFanOut(), now, fanOutMillis);
            boolean claimed = false;
            if (visit.claim() && r.state == LinkRecord.OPEN && networks < 2) {
                r.claim(visit.fingerprint(), now);
                claimed = true;
            }
            view = r.view(networks, claimed);
        }
        return CompletableFuture.completedFuture(view);
    }

    @Override
    public CompletionStage<Boolean> complete(LinkId link, long owner, SharedResponse copy) {
        long now = clock.millis();
        Shard shard = shardOf(link);
        boolean done = false;
        synchronized (shard) {
            LinkRecord r = shard.live(link, now, ttlMillis);
            if (r != null && r.state == LinkRecord.IN_FLIGHT && r.owner == owner) {
                r.complete(copy, now + retentionMillis);
                shard.retainCopy(r, now);
                done = true;
            }
        }
        return CompletableFuture.completedFuture(done);
    }

    @Override
    public CompletionStage<Boolean> release(LinkId link, long owner) {
        long now = clock.millis();
        Shard shard = shardOf(link);
        boolean done = false;
        synchronized (shard) {
            LinkRecord r = shard.live(link, now, ttlMillis);
            if (r != null && r.state == LinkRecord.IN_FLIGHT && r.owner == owner) {
                r.release();
                done = true;
            }
        }
        return CompletableFuture.completedFuture(done);
    }

    @Override
    public CompletionStage<LinkView> takeOver(LinkId link, long fingerprint) {
        long now = clock.millis();
        Shard shard = shardOf(link);
        LinkView view;
        synchronized (shard) {
            LinkRecord r = shard.live(link, now, ttlMillis);
            if (r == null) {
                r = new LinkRecord(now);
                shard.insert(link, r, now, ttlMillis);
            }
            r.claim(fingerprint, now);
            view = r.view(r.networksWithin(now, fanOutMillis), true);
        }
        return CompletableFuture.completedFuture(view);
    }

    @Override
    public CompletionStage<Optional<SharedResponse>> sharedResponse(LinkId link, long fingerprint) {
        long now = clock.millis();
        Shard shard = shardOf(link);
        SharedResponse copy = null;
        synchronized (shard) {
            LinkRecord r = shard.live(link, now, ttlMillis);
            if (r != null && r.response != null) {
                if (now > r.responseUntil) {
                    r.response = null;
                } else if (r.owner == fingerprint && r.state == LinkRecord.FORWARDED) {
                    copy = r.response;
                }
            }
        }
        return CompletableFuture.completedFuture(Optional.ofNullable(copy));
    }

    @Override
    public CompletionStage<Boolean> spendNonce(String nonce, Instant expiresAt) {
        return CompletableFuture.completedFuture(nonces.spend(nonce, expiresAt.toEpochMilli(), clock.millis()));
    }

    @Override
    public CompletionStage<Optional<LinkView>> lookup(LinkId link) {
        long now = clock.millis();
        Shard shard = shardOf(link);
        LinkView view = null;
        synchronized (shard) {
            LinkRecord r = shard.live(link, now, ttlMillis);
            if (r != null) {
                view = r.view(r.networksWithin(now, fanOutMillis), false);
            }
        }
        return CompletableFuture.completedFuture(Optional.ofNullable(view));
    }

    @Override
    public long size() {
        long n = 0;
        for (Shard s : shards) {
            synchronized (s) {
                n += s.size();
            }
        }
        return n;
    }

    private Shard shardOf(LinkId link) {
        return shards[(int) (link.low() & (SHARDS - 1))];
    }

    /** Response copies held now, for tests: each is released once its retention ends. */
    long copiesHeld() {
        long n = 0;
        for (Shard s : shards) {
            synchronized (s) {
                n += s.copies.size();
            }
        }
        return n;
    }

    /** One shard: insertion-ordered, bounded, expiring from the head. */
    private static final class Shard extends LinkedHashMap<LinkId, LinkRecord> {
        private final int bound;
        /** Records holding a response copy, in completion order, which with one retention is expiry order. */
        private final ArrayDeque<LinkRecord> copies = new ArrayDeque<>();

        Shard(int bound) {
            super(16, 0.75f, false);
            this.bound = bound;
        }

        LinkRecord live(LinkId link, long now, long ttl) {
            LinkRecord r = get(link);
            if (r != null && now - r.createdAt >= ttl) {
                remove(link);
                return null;
            }
            return r;
        }

        void insert(LinkId link, LinkRecord r, long now, long ttl) {
            // Each link is swept once, so this costs O(1) amortised per insert.
            Iterator<LinkRecord> head = values().iterator();
            while (head.hasNext() && now - head.next().createdAt >= ttl) {
                head.remove();
            }
            put(link, r);
            releaseCopies(now);
        }

        void retainCopy(LinkRecord r, long now) {
            releaseCopies(now);
            if (r.response != null) {
                copies.addLast(r);
            }
        }

        /** Drops the copies whose retention has ended (or that a new claim already replaced). */
        private void releaseCopies(long now) {
            LinkRecord r;
            while ((r = copies.peekFirst()) != null && (r.response == null || now > r.responseUntil)) {
                r.response = null;
                copies.pollFirst();
            }
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<LinkId, LinkRecord> eldest) {
            return size() > bound;
        }
    }
}
