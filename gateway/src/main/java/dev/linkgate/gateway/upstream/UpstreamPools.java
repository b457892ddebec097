package dev.linkgate.gateway.upstream;

import dev.linkgate.core.config.UpstreamConfig;
import dev.linkgate.core.config.UpstreamTls;
import dev.linkgate.gateway.tls.UpstreamTlsContext;
import dev.linkgate.gateway.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.EventExecutor;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One {@link UpstreamPool} per event loop, so that a client connection and its upstream connection share a
 * thread (the outbound channel is registered on the inbound channel's loop).
 *
 * <p>Bound: {@code upstream.max-connections} is split evenly, each loop may open {@code max(1, max / loops)}.
 * The total never exceeds the setting (unless it is below the number of loops), and no loop ever waits on
 * another's count.
 */
public final class UpstreamPools {
    private final Map<EventExecutor, UpstreamPool> byLoop = new IdentityHashMap<>();
    private final int loops;
    private volatile int perLoop;

    public UpstreamPools(EventLoopGroup group, UpstreamConfig config, Transport transport) {
        this(group, config, transport, UpstreamTls.defaults());
    }

    /** @param upstreamTls trust and client certificate, used when the upstream URL is https:// */
    public UpstreamPools(EventLoopGroup group, UpstreamConfig config, Transport transport, UpstreamTls upstreamTls) {
        int loops = 0;
        for (EventExecutor ignored : group) {
            loops++;
        }
        this.loops = Math.max(1, loops);
        this.perLoop = perLoop(config);
        InetSocketAddress address = address(config.url());
        SslContext tls = config.secure() ? UpstreamTlsContext.create(upstreamTls, config.host()) : null;
        long handshakeMillis = config.connectTimeout().toMillis();
        Bootstrap bootstrap = new Bootstrap()
                .channel(transport.socketChannel())
                .remoteAddress(address)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            SslHandler handler = tls.newHandler(ch.alloc(), config.host(), address.getPort());
                            handler.setHandshakeTimeoutMillis(handshakeMillis);
                            handler.handshakeFuture().addListener(f -> {
                                if (!f.isSuccess()) {
                                    UpstreamTlsContext.handshakeFailed(config.host(), f.cause());
                                }
                            });
                            ch.pipeline().addLast("tls", handler);
                        }
                        ch.pipeline().addLast("http-codec", new UpstreamCodec(new HttpDecoderConfig()
                                .setMaxInitialLineLength(8192)
                                .setMaxHeaderSize(64 * 1024)
                                .setAllowDuplicateContentLengths(false)
                                .setUseRfc9112TransferEncoding(true)));
                    }
                });
        for (EventExecutor e : group) {
            EventLoop loop = (EventLoop) e;
            byLoop.put(loop, new UpstreamPool(loop, bootstrap, perLoop, config.idleTimeout(), config.connectTimeout()));
        }
    }

    /** The pool of the loop the calling channel lives on. */
    public UpstreamPool forLoop(EventLoop loop) {
        UpstreamPool pool = byLoop.get(loop);
        if (pool == null) {
            throw new IllegalStateException("not an event loop of the gateway's group");
        }
        return pool;
    }

    public int perLoop() {
        return perLoop;
    }

    private int perLoop(UpstreamConfig config) {
        return Math.max(1, config.maxConnections() / loops);
    }

    /**
     * A reload's new limits (max connections, connect and idle timeouts), taken by each pool on its own loop.
     * Leased connections are not touched; beyond a lowered maximum, connections close as they are released.
     */
    public void apply(UpstreamConfig config) {
        perLoop = perLoop(config);
        int max = perLoop;
        for (UpstreamPool pool : byLoop.values()) {
            if (!pool.loop().isShuttingDown()) {
                pool.loop().execute(() -> pool.limits(max, config.idleTimeout(), config.connectTimeout()));
            }
        }
    }

    /** Closes idle connections and fails waiting leases; each on its own loop. */
    public void close() {
        for (UpstreamPool pool : byLoop.values()) {
            if (!pool.loop().isShuttingDown()) {
                pool.loop().execute(pool::close);
            }
        }
    }

    /** Resolved once, at start: name lookups must not block an event loop later. */
    static InetSocketAddress address(URI url) {
        int port = url.getPort() == -1 ? ("https".equalsIgnoreCase(url.getScheme()) ? 443 : 80) : url.getPort();
        return new InetSocketAddress(url.getHost(), port);
    }

    /** Host[:port] of the upstream, for the Host header when the client's is not preserved. */
    public static String authority(URI url) {
        return url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }
}
