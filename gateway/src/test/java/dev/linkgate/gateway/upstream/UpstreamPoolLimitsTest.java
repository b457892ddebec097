package dev.linkgate.gateway.upstream;

import dev.linkgate.core.config.UpstreamConfig;
import dev.linkgate.gateway.Transport;
import dev.linkgate.gateway.testing.RawUpstream;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reload's new upstream limits reach the pools on their own loops, without touching leased connections. */
class UpstreamPoolLimitsTest {
    private final Transport transport = Transport.detect();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, transport.ioHandlerFactory());
    private final EventLoop loop = group.next();
    private RawUpstream upstream;

    @AfterEach
    void stop() throws Exception {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        if (upstream != null) {
            upstream.close();
        }
    }

    private UpstreamConfig limits(int maxConnections) {
        UpstreamConfig d = UpstreamConfig.of(upstream.uri());
        return new UpstreamConfig(d.url(), Duration.ofSeconds(2), d.responseTimeout(), maxConnections,
                d.idleTimeout(), d.preserveHost());
    }

    private <T> T onLoop(Callable<T> task) throws Exception {
        return loop.submit(task).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRaisedMaximumLetsAWaitingLeaseConnectAndALoweredOneClosesConnectionsAsTheyAreReleased() throws Exception {
        upstream = new RawUpstream(x -> true);
        UpstreamPools pools = new UpstreamPools(group, limits(1), transport);
        UpstreamPool pool = pools.forLoop(loop);
        UpstreamConnection first = onLoop(() -> pool.acquire(false)).get(10, TimeUnit.SECONDS);
        Future<UpstreamConnection> waiting = onLoop(() -> pool.acquire(false));
        assertFalse(waiting.isDone(), "one connection at most: the second lease waits");

        pools.apply(limits(2));

        UpstreamConnection second = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(2, pools.perLoop());
        assertEquals(2, (int) onLoop(pool::open));

        pools.apply(limits(1));
        assertEquals(2, (int) onLoop(pool::open), "leased connections are not touched");
        onLoop(() -> {
            pool.release(first, true);
            return null;
        });
        assertTrue(first.channel().closeFuture().await(10, TimeUnit.SECONDS), "beyond the new maximum: closed");
        onLoop(() -> {
            pool.release(second, true);
            return null;
        });
        assertEquals(1, (int) onLoop(pool::idle), "within it: kept for reuse");
    }
}
