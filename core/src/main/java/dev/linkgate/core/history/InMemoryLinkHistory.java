package dev.linkgate.core.history;

import dev.linkgate.core.request.LinkId;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Link histories in this process, in shards by link id, each a {@link HistoryTable} of primitive arrays under
 * its own monitor, so the event loops rarely wait on each other and recording an event leaves no garbage and
 * no reference for the GC to trace. A link's history expires {@code ttl} after its last event. The shards'
 * bounds add up to {@code maxLinks}; in a full shard a new link evicts the stalest of a few links (see
 * {@link HistoryTable}).
 */
public final class InMemoryLinkHistory implements LinkHistory {
    private static final int MAX_SHARDS = 16;
    /** Fewer links than this per shard and sharding only blurs the bound's eviction order. */
    private static final long MIN_LINKS_PER_SHARD = 4096;

    private final long ttlSeconds;
    private final Clock clock;
    private final HistoryTable[] shards;

    public InMemoryLinkHistory(int maxEvents, long maxLinks, Duration ttl, Clock clock, String replica) {
        if (maxEvents < 1 || maxEvents > 64) {
            throw new IllegalArgumentException("maxEvents must be 1..64");
        }
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
        this.clock = clock;
        PackedEvents codec = new PackedEvents(replica);
        int count = Integer.highestOneBit((int) Math.max(1, Math.min(MAX_SHARDS, maxLinks / MIN_LINKS_PER_SHARD)));
        long bound = Math.max(1, maxLinks);
        SplittableRandom seeds = new SplittableRandom();
        shards = new HistoryTable[count];
        for (int i = 0; i < count; i++) {
            long share = bound / count + (i < bound % count ? 1 : 0);
            shards[i] = new HistoryTable((int) Math.min(HistoryTable.MAX_CAPACITY, share), maxEvents, codec,
                    seeds.nextLong());
        }
    }

    @Override
    public void record(LinkId link, HistoryEvent event) {
        shardOf(link).record(link.high(), link.low(), event, clock.instant().getEpochSecond(), ttlSeconds);
    }

    @Override
    public CompletionStage<Optional<LinkStory>> story(LinkId link) {
        LinkStory story = shardOf(link).story(link.high(), link.low(), clock.instant().getEpochSecond(), ttlSeconds);
        return CompletableFuture.completedFuture(Optional.ofNullable(story));
    }

    /** Links with a history now (expired ones included until they are evicted or overwritten). */
    public int size() {
        int size = 0;
        for (HistoryTable shard : shards) {
            size += shard.size();
        }
        return size;
    }

    /** Links whose events outgrew their slot's inline room and live in a block. */
    int linksInBlocks() {
        int n = 0;
        for (HistoryTable shard : shards) {
            n += shard.blocksInUse();
        }
        return n;
    }

    int shards() {
        return shards.length;
    }

    private HistoryTable shardOf(LinkId link) {
        // The ledger shards by the low bits of the id's low half, the table indexes by its high half: use others.
        return shards[(int) (link.low() >>> 40) & (shards.length - 1)];
    }
}
