package dev.linkgate.core.ledger;

import dev.linkgate.core.request.LinkId;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The click ledger of one process. Links live in shards, each a {@link LinkTable} guarded by its own monitor
 * held only for a few field updates (no I/O, no callbacks under it), so event loops never wait on each other
 * for long. Because every link has the same TTL, insertion order is expiry order: each insert sweeps expired
 * links from the head, and the bound evicts the oldest. Response copies are bytes in one {@link CopyRing}; a link
 * lets go of its copy as soon as the retention ends, not with the link: a copy is several times the size of the
 * rest of a link's state.
 */
public final class InMemoryClickLedger implements ClickLedger {
    private static final int SHARDS = 64;

    private final LedgerSettings settings;
    private final Clock clock;
    private final LinkTable[] shards = new LinkTable[SHARDS];
    private final NonceSet nonces;
    private final long ttlMillis;
    private final long fanOutMillis;
    private final long retentionMillis;
    private final long doubleClickMillis;
    private final CopyRing copies;

    public InMemoryClickLedger(LedgerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.ttlMillis = settings.linkTtl().toMillis();
        this.fanOutMillis = settings.fanOutWindow().toMillis();
        this.retentionMillis = settings.copyRetention().toMillis();
        this.doubleClickMillis = settings.responseRetention().toMillis();
        this.copies = new CopyRing(settings.maxCopyMemory());
        int perShard = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (settings.maxLinks() + SHARDS - 1) / SHARDS));
        // A random hash multiplier: tokens chosen to collide in one process's index do not collide in another.
        SecureRandom seeds = new SecureRandom();
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new LinkTable(perShard, seeds.nextLong());
        }
        this.nonces = new NonceSet(Math.max(1024, settings.maxLinks()));
    }

    public LedgerSettings settings() {
        return settings;
    }

    @Override
    public CompletionStage<LinkView> visit(Visit visit) {
        long now = clock.millis();
        LinkTable links = shardOf(visit.link());
        LinkView view;
        synchronized (links) {
            int slot = links.find(visit.link(), now, ttlMillis);
            if (slot < 0) {
                slot = links.insert(visit.link(), now, ttlMillis);
            }
            int networks = links.recordNetwork(slot, visit.network(), visit.countForFanOut(), now, fanOutMillis);
            boolean claimed = false;
            if (visit.claim() && links.state(slot) == LinkTable.OPEN && networks < Visit.FAN_OUT_NETWORKS) {
                links.claim(slot, visit.fingerprint(), now);
                claimed = true;
            }
            view = links.view(slot, networks, claimed, now, copies);
        }
        return CompletableFuture.completedFuture(view);
    }

    @Override
    public CompletionStage<Boolean> complete(LinkId link, long owner, SharedResponse copy, BrowserId browser) {
        long now = clock.millis();
        LinkTable links = shardOf(link);
        boolean keep = copy != null && copies.fits(copy.size());
        boolean done = false;
        synchronized (links) {
            int slot = inFlightOf(links, link, owner, now);
            if (slot >= 0) {
                // The ring's monitor inside a shard's, never the other way round. The copies the budget drops for
                // this one are not looked up: their links keep positions the ring no longer holds (see view).
                long at = keep ? copies.keep(copy, now + retentionMillis, now) : -1;
                links.complete(slot, at, keep ? copy.size() : 0, browser, now, retentionMillis);
                done = true;
            }
        }
        return CompletableFuture.completedFuture(done);
    }

    @Override
    public long copiesDropped() {
        return copies.dropped();
    }

    /** Bytes of copies the budget counts now. */
    long copyMemory() {
        return copies.used();
    }

    @Override
    public CompletionStage<Boolean> release(LinkId link, long owner) {
        long now = clock.millis();
        LinkTable links = shardOf(link);
        boolean done = false;
        synchronized (links) {
            int slot = inFlightOf(links, link, owner, now);
            if (slot >= 0) {
                links.release(slot);
                done = true;
            }
        }
        return CompletableFuture.completedFuture(done);
    }

    /** The link's slot when its forward is in flight for {@code owner}, else -1. Under the shard's monitor. */
    private int inFlightOf(LinkTable links, LinkId link, long owner, long now) {
        int slot = links.findClaimed(link, now, ttlMillis);
        return slot >= 0 && links.state(slot) == LinkTable.IN_FLIGHT && links.owner(slot) == owner ? slot : -1;
    }

    @Override
    public CompletionStage<LinkView> takeOver(LinkId link, long fingerprint) {
        long now = clock.millis();
        LinkTable links = shardOf(link);
        LinkView view;
        synchronized (links) {
            int slot = links.find(link, now, ttlMillis);
            if (slot < 0) {
                slot = links.insert(link, now, ttlMillis);
            }
            links.claim(slot, fingerprint, now);
            view = links.view(slot, links.networksWithin(slot, now, fanOutMillis), true, now, copies);
        }
        return CompletableFuture.completedFuture(view);
    }

    @Override
    public CompletionStage<Optional<SharedResponse>> sharedResponse(LinkId link, long fingerprint) {
        long now = clock.millis();
        LinkTable links = shardOf(link);
        long at = -1;
        int size = 0;
        synchronized (links) {
            int slot = links.find(link, now, ttlMillis);
            if (slot >= 0) {
                at = links.sharedResponse(slot, fingerprint, now, doubleClickMillis, retentionMillis);
                size = links.copySize(slot);
            }
        }
        return CompletableFuture.completedFuture(Optional.ofNullable(at < 0 ? null : copies.read(at, size)));
    }

    @Override
    public CompletionStage<Optional<SharedResponse>> resumeCopy(LinkId link, BrowserId browser) {
        long now = clock.millis();
        LinkTable links = shardOf(link);
        long at = -1;
        int size = 0;
        synchronized (links) {
            int slot = links.find(link, now, ttlMillis);
            if (slot >= 0 && browser != null) {
                at = links.resumeCopy(slot, browser, now);
                size = links.copySize(slot);
            }
        }
        return CompletableFuture.completedFuture(Optional.ofNullable(at < 0 ? null : copies.read(at, size)));
    }

    @Override
    public CompletionStage<Boolean> spendNonce(String nonce, Instant expiresAt) {
        return CompletableFuture.completedFuture(nonces.spend(nonce, expiresAt.toEpochMilli(), clock.millis()));
    }

    @Override
    public CompletionStage<Optional<LinkView>> lookup(LinkId link) {
        long now = clock.millis();
        LinkTable links = shardOf(link);
        LinkView view = null;
        synchronized (links) {
            int slot = links.find(link, now, ttlMillis);
            if (slot >= 0) {
                view = links.view(slot, links.networksWithin(slot, now, fanOutMillis), false, now, copies);
            }
        }
        return CompletableFuture.completedFuture(Optional.ofNullable(view));
    }

    @Override
    public long size() {
        long n = 0;
        for (LinkTable s : shards) {
            synchronized (s) {
                n += s.size();
            }
        }
        return n;
    }

    /** Response copies held now, for tests: each is released once its retention ends. */
    long copiesHeld() {
        long n = 0;
        for (LinkTable s : shards) {
            synchronized (s) {
                n += s.copiesHeld();
            }
        }
        return n;
    }

    private LinkTable shardOf(LinkId link) {
        return shards[(int) (link.low() & (SHARDS - 1))];
    }
}
