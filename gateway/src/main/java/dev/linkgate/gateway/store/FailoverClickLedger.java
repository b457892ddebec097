package dev.linkgate.gateway.store;

import dev.linkgate.core.ledger.BrowserId;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.InMemoryClickLedger;
import dev.linkgate.core.ledger.LinkView;
import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.core.ledger.Visit;
import dev.linkgate.core.request.LinkId;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The Redis ledger with a way to keep serving while Redis is gone. The first operation that fails or times
 * out switches to fallback: with {@code on-failure: local} that operation and all after it go to this
 * replica's in-memory ledger; with {@code interstitial} they fail with {@link StoreUnavailableException}. A
 * probe brings the shared ledger back as soon as Redis answers again. One WARN line per switch.
 */
final class FailoverClickLedger implements ClickLedger {
    private static final Logger log = LoggerFactory.getLogger(FailoverClickLedger.class);

    private final RedisClickLedger shared;
    private final InMemoryClickLedger local;
    private final StoreMetrics metrics;
    /** Timeouts in a row before switching: one slow answer under load is not an outage. */
    static final int TIMEOUTS_BEFORE_FALLBACK = 3;

    private final AtomicBoolean fallback = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger timeoutsInARow = new java.util.concurrent.atomic.AtomicInteger();
    private volatile ScheduledFuture<?> probing;
    private volatile ScheduledFuture<?> sizing;

    /** {@code local} is null for {@code on-failure: interstitial}. */
    FailoverClickLedger(RedisClickLedger shared, InMemoryClickLedger local, MeterRegistry registry) {
        this.shared = shared;
        this.local = local;
        this.metrics = new StoreMetrics(registry, fallback::get);
    }

    /** Probes Redis while in fallback, and refreshes the size estimate while shared. */
    void start(ScheduledExecutorService scheduler, Duration probeEvery, Duration sizeEvery) {
        probing = scheduler.scheduleWithFixedDelay(() -> guarded(() -> {
            if (fallback.get()) {
                probeNow();
            }
        }), probeEvery.toMillis(), probeEvery.toMillis(), TimeUnit.MILLISECONDS);
        sizing = scheduler.scheduleWithFixedDelay(() -> guarded(() -> {
            if (!fallback.get()) {
                shared.refreshSize();
            }
        }), 0, sizeEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One probe; the shared ledger is back when it succeeds. The probe runs the size script rather than a
     * PING: a Redis that answers PING but refuses scripts or writes (OOM, read-only replica) is still down
     * for the ledger, and switching back to it would only flap. True when shared after the probe.
     */
    CompletionStage<Boolean> probeNow() {
        return shared.refreshSize().handle((total, failure) -> {
            if (failure == null) {
                recovered();
            }
            return !fallback.get();
        });
    }

    boolean inFallback() {
        return fallback.get();
    }

    @Override
    public CompletionStage<LinkView> visit(Visit visit) {
        return call(StoreOp.VISIT, l -> l.visit(visit));
    }

    @Override
    public CompletionStage<Boolean> complete(LinkId link, long owner, SharedResponse copy, BrowserId browser) {
        return call(StoreOp.COMPLETE, l -> l.complete(link, owner, copy, browser));
    }

    /**
     * A resume is confirmed only by the ledger that settled the link: with {@code on-failure: local} the local
     * ledger answers, and it holds only what this replica settled while in fallback, so another replica's signer
     * is never resumed on a guess.
     */
    @Override
    public CompletionStage<Optional<SharedResponse>> resumeCopy(LinkId link, BrowserId browser) {
        return call(StoreOp.RESUME_COPY, l -> l.resumeCopy(link, browser));
    }

    @Override
    public long copiesDropped() {
        return shared.copiesDropped() + (local == null ? 0 : local.copiesDropped());
    }

    @Override
    public CompletionStage<Boolean> release(LinkId link, long owner) {
        return call(StoreOp.RELEASE, l -> l.release(link, owner));
    }

    @Override
    public CompletionStage<LinkView> takeOver(LinkId link, long fingerprint) {
        return call(StoreOp.TAKE_OVER, l -> l.takeOver(link, fingerprint));
    }

    @Override
    public CompletionStage<Optional<SharedResponse>> sharedResponse(LinkId link, long fingerprint) {
        return call(StoreOp.SHARED_RESPONSE, l -> l.sharedResponse(link, fingerprint));
    }

    @Override
    public CompletionStage<Boolean> spendNonce(String nonce, Instant expiresAt) {
        return call(StoreOp.SPEND_NONCE, l -> l.spendNonce(nonce, expiresAt));
    }

    @Override
    public CompletionStage<Optional<LinkView>> lookup(LinkId link) {
        return call(StoreOp.LOOKUP, l -> l.lookup(link));
    }

    @Override
    public long size() {
        return fallback.get() && local != null ? local.size() : shared.size();
    }

    @Override
    public void close() {
        for (ScheduledFuture<?> task : new ScheduledFuture<?>[] {probing, sizing}) {
            if (task != null) {
                task.cancel(false);
            }
        }
        shared.close();
    }

    private <T> CompletionStage<T> call(StoreOp op, Function<ClickLedger, CompletionStage<T>> operation) {
        if (fallback.get()) {
            return onFallback(operation, null);
        }
        long start = metrics.start();
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletionStage<T> attempt;
        try {
            attempt = operation.apply(shared);
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        attempt.whenComplete((value, failure) -> {
            metrics.finished(op, start, failure != null);
            if (failure == null) {
                timeoutsInARow.set(0);
                result.complete(value);
                return;
            }
            // This operation is answered by the fallback either way; the replica switches over at once on a
            // connection failure, and on timeouts only when several come in a row (no flapping under load).
            if (!isTimeout(failure) || timeoutsInARow.incrementAndGet() >= TIMEOUTS_BEFORE_FALLBACK) {
                failed(op, failure);
            }
            onFallback(operation, failure).whenComplete((v, f) -> {
                if (f == null) {
                    result.complete(v);
                } else {
                    result.completeExceptionally(f);
                }
            });
        });
        return result;
    }

    private <T> CompletionStage<T> onFallback(Function<ClickLedger, CompletionStage<T>> operation, Throwable cause) {
        if (local != null) {
            return operation.apply(local);
        }
        return CompletableFuture.failedFuture(new StoreUnavailableException("Redis click store unavailable", cause));
    }

    private void failed(StoreOp op, Throwable failure) {
        if (fallback.compareAndSet(false, true)) {
            log.warn("Redis click store failed ({} on {}); {} until Redis answers again", describe(failure), op.tag,
                    local != null ? "deciding on this replica's local ledger" : "sending every link to the interstitial");
        }
    }

    private static boolean isTimeout(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && (t instanceof CompletionException || t instanceof ExecutionException)) {
            t = t.getCause();
        }
        return t instanceof io.lettuce.core.RedisCommandTimeoutException
                || t instanceof java.util.concurrent.TimeoutException;
    }

    private void recovered() {
        timeoutsInARow.set(0);
        if (fallback.compareAndSet(true, false)) {
            log.warn("Redis click store answers again; back to the shared ledger");
        }
    }

    /** A periodic task that throws is never run again: keep it alive, and quiet. */
    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.debug("Redis store probe failed", e);
        }
    }

    private static String describe(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && (t instanceof CompletionException || t instanceof ExecutionException)) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
