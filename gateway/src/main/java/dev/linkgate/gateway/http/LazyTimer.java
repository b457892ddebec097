package dev.linkgate.gateway.http;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;

import java.util.concurrent.TimeUnit;

/**
 * A timeout that is cheap to move: {@link #arm} and {@link #disarm} only write a deadline, so a connection can
 * restart its clock on every request (or every chunk) without a schedule and a cancel on the event loop's
 * task heap each time. One check task is pending while armed; when it runs before the deadline it re-arms
 * itself for the deadline, so a timeout still fires on time.
 *
 * <p>Why this holds: no check is ever scheduled more than {@code shortest} ahead, and every deadline is at
 * least {@code shortest} away when armed, so a pending check always runs at or before any deadline set since.
 * Owned by one event loop: every method runs on it.
 */
public final class LazyTimer {
    private static final long NONE = Long.MAX_VALUE;

    private final EventExecutor loop;
    private final Ticker ticker;
    private final long shortestNanos;
    private final Runnable check = this::check;
    private long deadline = NONE;
    private Runnable onExpiry;
    private ScheduledFuture<?> pending;

    /** @param shortestNanos the shortest timeout this timer will be armed with */
    public LazyTimer(EventExecutor loop, long shortestNanos) {
        if (shortestNanos <= 0) {
            throw new IllegalArgumentException("shortest timeout must be positive: " + shortestNanos);
        }
        this.loop = loop;
        this.ticker = loop.ticker();
        this.shortestNanos = shortestNanos;
    }

    /**
     * Runs {@code onExpiry} once, {@code nanos} from now, unless re-armed or disarmed before.
     *
     * @param nanos at least the {@code shortestNanos} this timer was made with
     */
    public void arm(long nanos, Runnable onExpiry) {
        long now = ticker.nanoTime();
        this.deadline = now + Math.max(nanos, shortestNanos);
        this.onExpiry = onExpiry;
        if (pending == null) {
            schedule(now);
        }
    }

    /** No timeout until armed again; the pending check (if any) stays and finds nothing to do. */
    public void disarm() {
        deadline = NONE;
        onExpiry = null;
    }

    /** Disarms only when armed for {@code onExpiry}: an owner never cancels a later owner's timeout. */
    public void disarm(Runnable onExpiry) {
        if (this.onExpiry == onExpiry) {
            disarm();
        }
    }

    public boolean armed() {
        return deadline != NONE;
    }

    /** Disarms and drops the pending check: for when its owner is gone (a closed connection). */
    public void stop() {
        disarm();
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void check() {
        pending = null;
        if (deadline == NONE) {
            return;
        }
        long now = ticker.nanoTime();
        if (now - deadline >= 0) {
            Runnable expired = onExpiry;
            disarm();
            expired.run();
        } else {
            schedule(now);
        }
    }

    private void schedule(long now) {
        long delay = Math.min(deadline - now, shortestNanos);
        pending = loop.schedule(check, Math.max(0, delay), TimeUnit.NANOSECONDS);
    }
}
