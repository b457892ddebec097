package dev.linkgate.gateway.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive connections to the upstream for one event loop: every method runs on that loop, so there is no
 * lock. At most {@code max} connections are open (leased, idle or connecting); further leases wait, in order,
 * up to the connect timeout. Idle connections close after the idle timeout, which should be below the
 * upstream's own keep-alive so that we, not the upstream, end them: one sweep task per pool closes them,
 * so leasing and releasing a connection schedules nothing.
 */
public final class UpstreamPool {
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private int max;
    private long idleNanos;
    private long waitNanos;
    private final ArrayDeque<UpstreamConnection> idle = new ArrayDeque<>();
    private final ArrayDeque<Promise<UpstreamConnection>> waiting = new ArrayDeque<>();
    private final Ticker ticker;
    private ScheduledFuture<?> sweep;
    private int open;
    private boolean closed;

    UpstreamPool(EventLoop loop, Bootstrap bootstrap, int max, Duration idleTimeout, Duration waitTimeout) {
        this.loop = loop;
        this.bootstrap = bootstrap.clone(loop);
        this.max = max;
        this.idleNanos = idleTimeout.toNanos();
        this.waitNanos = waitTimeout.toNanos();
        this.ticker = loop.ticker();
    }

    public EventLoop loop() {
        return loop;
    }

    /**
     * New limits after a reload, on this pool's loop. A lower maximum closes idle connections beyond it now and
     * leased ones when released; a higher one lets waiting leases connect.
     */
    void limits(int max, Duration idleTimeout, Duration connectTimeout) {
        assert loop.inEventLoop();
        this.max = max;
        this.idleNanos = idleTimeout.toNanos();
        this.waitNanos = connectTimeout.toNanos();
        bootstrap.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        while (open > max && !idle.isEmpty()) {
            idle.pollLast().channel().close();
        }
        Promise<UpstreamConnection> next;
        while (!closed && open < max && (next = waiting.poll()) != null) {
            if (!next.isDone()) {
                connect(next);
            }
        }
    }

    /**
     * A connection for one exchange. {@code fresh} asks for a new one (a retry after a reused connection failed);
     * an idle one is closed to make room if needed.
     */
    public Future<UpstreamConnection> acquire(boolean fresh) {
        assert loop.inEventLoop();
        Promise<UpstreamConnection> promise = loop.newPromise();
        if (closed) {
            return promise.setFailure(new UpstreamUnavailableException("the gateway is shutting down"));
        }
        UpstreamConnection c = fresh ? null : pollIdle();
        if (c != null) {
            lease(c, promise);
        } else if (open < max) {
            connect(promise);
        } else if (fresh && !idle.isEmpty()) {
            idle.pollLast().channel().close();
            connect(promise);
        } else {
            waiting.add(promise);
            ScheduledFuture<?> timeout = loop.schedule(() -> {
                waiting.remove(promise);
                promise.tryFailure(new UpstreamUnavailableException("no upstream connection free within the connect timeout"));
            }, waitNanos, TimeUnit.NANOSECONDS);
            promise.addListener(f -> timeout.cancel(false));
        }
        return promise;
    }

    /**
     * Gives a connection back after its exchange. Only a cleanly completed exchange may be reused; anything else
     * is closed so that no response can ever reach the wrong client.
     */
    public void release(UpstreamConnection c, boolean reusable) {
        assert loop.inEventLoop();
        c.detach();
        if (!reusable || closed || !c.clean() || open > max) {
            c.channel().close();
            return;
        }
        Promise<UpstreamConnection> next;
        while ((next = waiting.poll()) != null) {
            if (lease(c, next)) {
                return;
            }
        }
        c.idleSince = ticker.nanoTime();
        idle.addFirst(c);
        if (sweep == null) {
            sweep = loop.schedule(this::sweep, idleNanos, TimeUnit.NANOSECONDS);
        }
        // Keep a read pending while idle so that an upstream hang-up (or a stray byte) is noticed at once.
        c.channel().read();
    }

    /**
     * An idle connection leased at once, or null when none is idle: the common case without a promise and its
     * listener. Fall back to {@link #acquire} on null.
     */
    public UpstreamConnection acquireIdle() {
        assert loop.inEventLoop();
        if (closed || !waiting.isEmpty()) {
            return null;
        }
        UpstreamConnection c = pollIdle();
        if (c != null) {
            c.leased();
        }
        return c;
    }

    /** Open connections (leased, idle or connecting). */
    public int open() {
        return open;
    }

    public int idle() {
        return idle.size();
    }

    void close() {
        closed = true;
        if (sweep != null) {
            sweep.cancel(false);
            sweep = null;
        }
        Promise<UpstreamConnection> p;
        while ((p = waiting.poll()) != null) {
            p.tryFailure(new UpstreamUnavailableException("the gateway is shutting down"));
        }
        UpstreamConnection c;
        while ((c = idle.poll()) != null) {
            c.channel().close();
        }
    }

    private UpstreamConnection pollIdle() {
        UpstreamConnection c;
        while ((c = idle.pollFirst()) != null) {
            if (c.clean()) {
                return c;
            }
            c.channel().close();
        }
        return null;
    }

    private boolean lease(UpstreamConnection c, Promise<UpstreamConnection> promise) {
        c.leased();
        if (promise.trySuccess(c)) {
            return true;
        }
        c.unleased();
        return false;
    }

    private void connect(Promise<UpstreamConnection> promise) {
        open++;
        ChannelFuture connecting = bootstrap.connect();
        Channel channel = connecting.channel();
        channel.closeFuture().addListener(f -> connectionClosed());
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                promise.tryFailure(f.cause());
                return;
            }
            UpstreamConnection c = new UpstreamConnection(channel);
            if (!lease(c, promise)) {
                release(c, true);
            }
        });
    }

    private void connectionClosed() {
        open--;
        idle.removeIf(c -> !c.channel().isActive());
        if (!closed && open < max) {
            Promise<UpstreamConnection> next;
            while ((next = waiting.poll()) != null) {
                if (!next.isDone()) {
                    connect(next);
                    return;
                }
            }
        }
    }

    /**
     * Closes the connections idle for the idle timeout. The deque holds the most recently released first, so
     * the expired ones are at its end; the next sweep is due when the oldest remaining one expires.
     */
    private void sweep() {
        sweep = null;
        long now = ticker.nanoTime();
        UpstreamConnection oldest;
        while ((oldest = idle.peekLast()) != null && now - oldest.idleSince >= idleNanos) {
            idle.pollLast().channel().close();
        }
        if (oldest != null && !closed) {
            sweep = loop.schedule(this::sweep, oldest.idleSince + idleNanos - now, TimeUnit.NANOSECONDS);
        }
    }
}
