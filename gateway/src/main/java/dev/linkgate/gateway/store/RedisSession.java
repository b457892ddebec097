package dev.linkgate.gateway.store;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Lettuce client and its one multiplexed connection: the same asynchronous commands for one Redis,
 * Sentinel or Cluster. Each command fails after {@code store.redis.timeout}, and on one server (or Sentinel)
 * at once while disconnected, so a caller never waits long for a Redis that is gone. Lettuce reconnects on
 * its own (at most a second apart); a first connection that failed is retried by {@link #connect()}.
 */
final class RedisSession implements AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final String LETTUCE_IO_URING = "io.lettuce.core.iouring";
    /** Lettuce's default timer ticks every 100 ms, too coarse for a 50 ms command timeout. */
    private static final long TIMER_TICK_MILLIS = 5;

    private final RedisEndpoint endpoint;
    private final HashedWheelTimer timer;
    private final ClientResources resources;
    private final AbstractRedisClient client;
    private volatile CompletableFuture<Connected> connection;

    private record Connected(StatefulConnection<byte[], byte[]> connection,
                             RedisClusterAsyncCommands<byte[], byte[]> commands) {
    }

    /** {@code listeners} see every command of this session (tests count round trips with them). */
    static {
        // Lettuce finds Netty's io_uring beside epoll (linkgate's own loops use it, server.transport) and then
        // warns on every start that it prefers epoll; Redis commands are few and small, so it stays on epoll.
        if (System.getProperty(LETTUCE_IO_URING) == null) {
            System.setProperty(LETTUCE_IO_URING, "false");
        }
    }

    RedisSession(RedisEndpoint endpoint, Duration timeout, CommandListener... listeners) {
        this.endpoint = endpoint;
        for (RedisURI node : endpoint.nodes()) {
            // The URI's timeout covers the connection handshake (HELLO, AUTH, Sentinel lookup), not commands.
            node.setTimeout(CONNECT_TIMEOUT);
        }
        this.timer = new HashedWheelTimer(new DefaultThreadFactory("linkgate-redis-timer", true),
                TIMER_TICK_MILLIS, TimeUnit.MILLISECONDS);
        this.resources = ClientResources.builder()
                .timer(timer)
                .reconnectDelay(Delay.exponential(Duration.ZERO, MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
        SocketOptions socket = SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build();
        TimeoutOptions timeouts = TimeoutOptions.builder().timeoutCommands(true).fixedTimeout(timeout).build();
        if (endpoint.cluster()) {
            RedisClusterClient cluster = RedisClusterClient.create(resources, endpoint.nodes());
            cluster.setOptions(ClusterClientOptions.builder()
                    .socketOptions(socket)
                    .timeoutOptions(timeouts)
                    // Node connections open on first use, so rejecting while "disconnected" would reject those
                    // first commands; accepted commands still fail after the timeout when a node is gone.
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enableAllAdaptiveRefreshTriggers()
                            .enablePeriodicRefresh(Duration.ofSeconds(30))
                            .build())
                    .build());
            this.client = cluster;
        } else {
            RedisClient single = RedisClient.create(resources);
            single.setOptions(ClientOptions.builder()
                    .socketOptions(socket)
                    .timeoutOptions(timeouts)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .build());
            this.client = single;
        }
        for (CommandListener listener : listeners) {
            client.addListener(listener);
        }
        this.connection = open();
    }

    /** The commands once connected; fails at once when the connection failed (it does not wait for a retry). */
    CompletionStage<RedisClusterAsyncCommands<byte[], byte[]>> commands() {
        return connection.thenApply(Connected::commands);
    }

    /** The connection, opening a new one when the last attempt failed. */
    synchronized CompletionStage<RedisClusterAsyncCommands<byte[], byte[]>> connect() {
        if (connection.isCompletedExceptionally()) {
            connection = open();
        }
        return commands();
    }

    /** Lettuce's computation threads (Netty event executors): where periodic store work is scheduled. */
    ScheduledExecutorService scheduler() {
        return resources.eventExecutorGroup();
    }

    private CompletableFuture<Connected> open() {
        if (client instanceof RedisClusterClient cluster) {
            // The asynchronous connect needs the topology loaded first (the blocking connect does it itself).
            return cluster.refreshPartitionsAsync().toCompletableFuture()
                    .thenCompose(loaded -> cluster.connectAsync(ByteArrayCodec.INSTANCE))
                    .thenApply(c -> new Connected(c, c.async()));
        }
        return ((RedisClient) client).connectAsync(ByteArrayCodec.INSTANCE, endpoint.nodes().get(0))
                .toCompletableFuture()
                .thenApply(c -> new Connected(c, c.async()));
    }

    /** Closes the connection and stops Lettuce's threads; waits up to a few seconds, so call it at shutdown. */
    @Override
    public void close() {
        CompletableFuture<Connected> c = connection;
        if (c.isDone() && !c.isCompletedExceptionally()) {
            c.join().connection().close();
        }
        // A short quiet period lets the closed channels' deregistration run on their loops, where Lettuce
        // releases each connection's read buffer; with none, a loop may stop first and the buffer leaks.
        client.shutdown(Duration.ofMillis(50), Duration.ofSeconds(2));
        resources.shutdown(50, 2000, TimeUnit.MILLISECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        timer.stop();
    }
}
