package dev.linkgate.gateway.store;

import dev.linkgate.core.config.RedisConfig;
import dev.linkgate.core.ledger.BrowserId;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.CopyBudget;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.ledger.LinkState;
import dev.linkgate.core.ledger.LinkView;
import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.core.ledger.Visit;
import dev.linkgate.core.request.LinkId;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The click ledger shared by all replicas, in Redis. Each operation is one Lua script (or one SET NX for a
 * nonce): atomic in one round trip. Scripts get the caller's clock as an argument and decide windows and
 * expiry from stored timestamps, so they behave exactly like {@code InMemoryClickLedger}; Redis TTLs only
 * bound memory. Stages complete on Lettuce's I/O threads; nothing here blocks.
 *
 * <p>The copy memory budget is this replica's: it counts the copies this replica wrote and drops the oldest of
 * those (all replicas together keep at most their number times the budget).
 */
public final class RedisClickLedger implements ClickLedger {
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] ONE = {'1'};
    private static final byte[] ZERO = {'0'};
    private static final LinkState[] STATES = {LinkState.OPEN, LinkState.IN_FLIGHT, LinkState.FORWARDED};

    private final RedisSession session;
    private final RedisKeys keys;
    private final Clock clock;
    private final byte[] ttl;
    private final byte[] fanOut;
    private final byte[] retention;
    private final long retentionMillis;
    private final byte[] doubleClick;
    private final CopyBudget budget;
    private final AtomicLong dropped = new AtomicLong();
    private final long ttlMillis;
    private final long sizeBucketMillis;
    private final AtomicLong createdSinceReport = new AtomicLong();
    private volatile long size;

    public RedisClickLedger(RedisConfig config, LedgerSettings settings, Clock clock) {
        this(new RedisSession(RedisEndpoint.parse(config.uri()), config.timeout()),
                new RedisKeys(config.keyPrefix()), settings, clock);
    }

    RedisClickLedger(RedisSession session, RedisKeys keys, LedgerSettings settings, Clock clock) {
        this.session = session;
        this.keys = keys;
        this.clock = clock;
        this.ttlMillis = settings.linkTtl().toMillis();
        this.ttl = number(ttlMillis);
        this.fanOut = number(settings.fanOutWindow().toMillis());
        this.retentionMillis = settings.copyRetention().toMillis();
        this.retention = number(retentionMillis);
        this.doubleClick = number(settings.responseRetention().toMillis());
        this.budget = new CopyBudget(settings.maxCopyMemory());
        // 64 buckets per TTL: size() over-counts by at most 1/64 of the links created within one TTL.
        this.sizeBucketMillis = Math.max(1000, ttlMillis / 64);
    }

    @Override
    public CompletionStage<LinkView> visit(Visit visit) {
        return this.<List<Object>>link(LedgerScript.VISIT, ScriptOutputType.MULTI, visit.link(),
                number(visit.fingerprint()), number(visit.network()), flag(visit.countForFanOut()),
                flag(visit.claim()), number(Visit.FAN_OUT_NETWORKS)).thenApply(this::view);
    }

    @Override
    public CompletionStage<Boolean> complete(LinkId link, long owner, SharedResponse copy, BrowserId browser) {
        SharedResponse kept = copy != null && budget.fits(copy.size()) ? copy : null;
        long now = clock.millis();
        return this.<Long>linkAt(now, LedgerScript.COMPLETE, ScriptOutputType.INTEGER, link, number(owner),
                kept == null ? EMPTY : kept.encode(), browser == null ? EMPTY : ascii(browser.hex()))
                .thenCompose(done -> {
                    if (done != 1L || kept == null) {
                        return CompletableFuture.completedFuture(done == 1L);
                    }
                    List<CopyBudget.Victim> victims = budget.kept(link.high(), link.low(), kept.size(),
                            now + retentionMillis, now);
                    CompletableFuture<?>[] drops = victims.stream().map(this::dropCopy).toArray(CompletableFuture[]::new);
                    return CompletableFuture.allOf(drops).thenApply(x -> true);
                });
    }

    /**
     * Drops the oldest copy this replica wrote; counted when it was still there. A failed drop only leaves the
     * copy to expire with its TTL, so it never fails the completion.
     */
    private CompletableFuture<Void> dropCopy(CopyBudget.Victim v) {
        return this.<Long>link(LedgerScript.DROP_COPY, ScriptOutputType.INTEGER, new LinkId(v.high(), v.low()),
                number(v.until())).handle((done, failure) -> {
                    if (failure == null && done == 1L) {
                        dropped.incrementAndGet();
                    }
                    return (Void) null;
                }).toCompletableFuture();
    }

    @Override
    public long copiesDropped() {
        return dropped.get();
    }

    @Override
    public CompletionStage<Optional<SharedResponse>> resumeCopy(LinkId link, BrowserId browser) {
        if (browser == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return this.<List<Object>>link(LedgerScript.RESUME_COPY, ScriptOutputType.MULTI, link, ascii(browser.hex()))
                .thenApply(reply -> reply.isEmpty()
                        ? Optional.empty() : Optional.of(SharedResponse.decode((byte[]) reply.get(0))));
    }

    @Override
    public CompletionStage<Boolean> release(LinkId link, long owner) {
        return this.<Long>link(LedgerScript.RELEASE, ScriptOutputType.INTEGER, link, number(owner))
                .thenApply(done -> done == 1L);
    }

    @Override
    public CompletionStage<LinkView> takeOver(LinkId link, long fingerprint) {
        return this.<List<Object>>link(LedgerScript.TAKE_OVER, ScriptOutputType.MULTI, link, number(fingerprint))
                .thenApply(this::view);
    }

    @Override
    public CompletionStage<Optional<SharedResponse>> sharedResponse(LinkId link, long fingerprint) {
        return this.<List<Object>>link(LedgerScript.SHARED_RESPONSE, ScriptOutputType.MULTI, link,
                        number(fingerprint), doubleClick)
                .thenApply(reply -> reply.isEmpty()
                        ? Optional.empty() : Optional.of(SharedResponse.decode((byte[]) reply.get(0))));
    }

    /** SET NX with the time left until the token expires, measured on the caller's clock. */
    @Override
    public CompletionStage<Boolean> spendNonce(String nonce, Instant expiresAt) {
        long left = expiresAt.toEpochMilli() - clock.millis();
        if (left <= 0) {
            // Like the in-memory store: an expired nonce is not remembered (the token is refused anyway).
            return CompletableFuture.completedFuture(true);
        }
        return redis(r -> r.set(keys.nonce(nonce), ONE, SetArgs.Builder.nx().px(left)))
                .thenApply(reply -> reply != null);
    }

    @Override
    public CompletionStage<Optional<LinkView>> lookup(LinkId link) {
        return this.<List<Object>>link(LedgerScript.LOOKUP, ScriptOutputType.MULTI, link)
                .thenApply(reply -> reply.isEmpty() ? Optional.empty() : Optional.of(view(reply)));
    }

    /**
     * Links created within the last TTL across all replicas, as of the last {@link #refreshSize()}: each
     * replica counts the links its scripts created and adds them to time buckets in Redis now and then.
     */
    @Override
    public long size() {
        return size;
    }

    /**
     * Reports this replica's new links and reads the total (one script on one key). A connection that failed
     * at start is opened again here, so this is also the failover probe.
     */
    CompletionStage<Long> refreshSize() {
        long delta = createdSinceReport.getAndSet(0);
        byte[][] args = {number(clock.millis()), ttl, number(sizeBucketMillis), number(delta)};
        CompletionStage<Long> total = session.connect().thenCompose(r ->
                LedgerScript.CREATED.<Long>run(r, ScriptOutputType.INTEGER, new byte[][] {keys.created()}, args));
        return total.whenComplete((n, failure) -> {
            if (failure != null) {
                createdSinceReport.addAndGet(delta);
            } else {
                size = n;
            }
        });
    }

    /** The connection, retrying a first connection that failed. */
    CompletionStage<Void> connect() {
        return session.connect().thenApply(r -> null);
    }

    RedisSession session() {
        return session;
    }

    @Override
    public void close() {
        session.close();
    }

    private <T> CompletionStage<T> link(LedgerScript script, ScriptOutputType type, LinkId link, byte[]... opArgs) {
        return linkAt(clock.millis(), script, type, link, opArgs);
    }

    private <T> CompletionStage<T> linkAt(long now, LedgerScript script, ScriptOutputType type, LinkId link,
                                          byte[]... opArgs) {
        byte[][] args = new byte[4 + opArgs.length][];
        args[0] = number(now);
        args[1] = ttl;
        args[2] = fanOut;
        args[3] = retention;
        System.arraycopy(opArgs, 0, args, 4, opArgs.length);
        byte[][] linkKeys = {keys.link(link), keys.response(link)};
        return redis(r -> script.<T>run(r, type, linkKeys, args));
    }

    private <T> CompletionStage<T> redis(Function<RedisClusterAsyncCommands<byte[], byte[]>, CompletionStage<T>> op) {
        return session.commands().thenCompose(op);
    }

    private LinkView view(List<Object> reply) {
        LinkState state = STATES[(int) (long) (Long) reply.get(0)];
        long owner = Long.parseLong(new String((byte[]) reply.get(1), StandardCharsets.US_ASCII));
        long claimedAt = (Long) reply.get(2);
        long firstOpenedAt = (Long) reply.get(3);
        if ((Long) reply.get(6) == 1L) {
            createdSinceReport.incrementAndGet();
        }
        boolean open = state == LinkState.OPEN;
        BrowserId browser = state == LinkState.FORWARDED
                ? BrowserId.fromHex(new String((byte[]) reply.get(7), StandardCharsets.US_ASCII)) : null;
        return new LinkView(state, open ? 0 : owner, open || claimedAt == 0 ? null : Instant.ofEpochMilli(claimedAt),
                firstOpenedAt == 0 ? null : Instant.ofEpochMilli(firstOpenedAt), (int) (long) (Long) reply.get(4),
                (Long) reply.get(5) == 1L, browser, (Long) reply.get(8) == 1L);
    }

    private static byte[] number(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] flag(boolean b) {
        return b ? ONE : ZERO;
    }
}
