package dev.linkgate.gateway.admin;

import dev.linkgate.core.config.Endpoint;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The admin port: /metrics, /healthz, /readyz (and POST /reload when serving) on its own address and its own single thread, so a slow
 * scrape never delays a signer's request and the data port never exposes metrics.
 */
public final class AdminServer implements AutoCloseable {
    private static final int MAX_REQUEST_BYTES = 8192;
    private static final int IDLE_SECONDS = 60;

    private final EventLoopGroup group;
    private final Channel channel;

    private AdminServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    public static AdminServer start(Endpoint endpoint, PrometheusMeterRegistry registry, BooleanSupplier ready)
            throws InterruptedException {
        return start(endpoint, registry, ready, null);
    }

    /** @param reload runs a config reload off the admin loop, for {@code POST /reload}; null: no such path */
    public static AdminServer start(Endpoint endpoint, PrometheusMeterRegistry registry, BooleanSupplier ready,
                                    Supplier<CompletionStage<ReloadAnswer>> reload)
            throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("linkgate-admin", true),
                NioIoHandler.newFactory());
        AdminRoutes routes = new AdminRoutes(registry, ready, reload);
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast("idle", new ReadTimeoutHandler(IDLE_SECONDS))
                                    .addLast("http", new HttpServerCodec(4096, 8192, 8192))
                                    .addLast("keep-alive", new HttpServerKeepAliveHandler())
                                    .addLast("aggregate", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                    .addLast("routes", routes);
                        }
                    })
                    .bind(new InetSocketAddress(endpoint.host(), endpoint.port()))
                    .sync()
                    .channel();
            return new AdminServer(group, channel);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** The bound port (the real one when the config said 0). */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
