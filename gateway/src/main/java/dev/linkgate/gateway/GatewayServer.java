package dev.linkgate.gateway;

import dev.linkgate.core.config.EdgeConfig;
import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.config.UpstreamConfig;
import dev.linkgate.gateway.admin.GatewayMetrics;
import dev.linkgate.gateway.http.ConnectionEvent;
import dev.linkgate.core.policy.ClickPolicy;
import dev.linkgate.gateway.link.HistoryRecorder;
import dev.linkgate.gateway.link.LinkFlow;
import dev.linkgate.gateway.link.LinkMatcher;
import dev.linkgate.gateway.page.InterstitialPage;
import dev.linkgate.gateway.proxy.ProxyHandler;
import dev.linkgate.gateway.reload.LiveConfig;
import dev.linkgate.gateway.tls.CertificateWatcher;
import dev.linkgate.gateway.tls.RedirectInitializer;
import dev.linkgate.gateway.tls.ServerCertificates;
import dev.linkgate.gateway.tls.TlsProvider;
import dev.linkgate.gateway.upstream.UpstreamPools;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's listener: one event loop per core (on io_uring, epoll or NIO: {@code server.transport}), client
 * connections and their upstream connections on the same loop. {@link #close(Duration)} stops accepting, lets
 * requests in flight finish up to the drain timeout, then closes everything.
 */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    private final Transport transport;
    private final EventLoopGroup acceptor;
    private final MultiThreadIoEventLoopGroup workers;
    private final UpstreamPools pools;
    private final ChannelGroup clients = new DefaultChannelGroup("linkgate-clients", GlobalEventExecutor.INSTANCE);
    /** The upstream's host[:port] from the start config (upstream.url needs a restart). */
    private final String authority;
    private volatile Snapshot current;
    private Channel listener;
    private ServerCertificates certificates;
    private CertificateWatcher watcher;
    private Channel redirectListener;

    /**
     * What new connections and requests read, swapped whole by {@link #apply}: the live config and the proxy's
     * view of it. A request reads it once (the client-address step puts it in its facts) and keeps it to its end.
     */
    private record Snapshot(LiveConfig live, ProxyHandler.Settings proxy) {
    }

    private GatewayServer(LinkgateConfig config) {
        List<String> skipped = new ArrayList<>();
        List<Transport> candidates = Transport.candidates(config.server().transport(), skipped);
        Loops loops = null;
        for (int i = 0; loops == null; i++) {
            Transport t = candidates.get(i);
            try {
                loops = Loops.start(t, config.server().eventLoops());
            } catch (RuntimeException e) {
                // The probe passed but a loop's own ring could not be set up (e.g. locked-memory limits on an
                // older kernel): under auto, the next transport; a named one is a start error.
                if (i == candidates.size() - 1) {
                    throw new IllegalStateException("cannot start the " + t.name() + " event loops: "
                            + Transport.reason(e), e);
                }
                skipped.add(t.name() + " (" + Transport.reason(e) + ")");
            }
        }
        if (!skipped.isEmpty()) {
            LOG.info("server.transport auto: {} unavailable; event loops on {}", String.join(", ", skipped),
                    loops.transport.name());
        }
        this.transport = loops.transport;
        this.acceptor = loops.acceptor;
        this.workers = loops.workers;
        this.pools = new UpstreamPools(workers, config.upstream(), transport, config.edge().upstreamTls());
        this.authority = UpstreamPools.authority(config.upstream().url());
    }

    /** The accepting loop and the connection loops of one transport. */
    private record Loops(Transport transport, EventLoopGroup acceptor, MultiThreadIoEventLoopGroup workers) {
        static Loops start(Transport transport, int eventLoops) {
            MultiThreadIoEventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1,
                    new DefaultThreadFactory("linkgate-accept"), transport.ioHandlerFactory());
            try {
                return new Loops(transport, acceptor, new MultiThreadIoEventLoopGroup(eventLoops,
                        new DefaultThreadFactory("linkgate-io"), transport.ioHandlerFactory()));
            } catch (RuntimeException e) {
                acceptor.shutdownGracefully(0, 0, TimeUnit.SECONDS);
                throw e;
            }
        }
    }

    /**
     * Binds {@code listen} (port 0 picks a free port: see {@link #port()}) and starts serving.
     *
     * @throws IllegalStateException when the address cannot be bound (its event loops are already stopped)
     */
    public static GatewayServer start(LinkgateConfig config, ClickPolicy policy, LinkMatcher links,
                                      GatewayMetrics metrics, InterstitialPage pages, Clock clock) {
        return start(new LiveConfig(config, policy, pages, null), links, metrics, clock);
    }

    /** As above, from a live config that {@link #apply} can later replace. */
    public static GatewayServer start(LiveConfig live, LinkMatcher links, GatewayMetrics metrics, Clock clock) {
        return start(live, links, metrics, clock, HistoryRecorder.OFF);
    }

    /** As above, recording each link decision in {@code history} (which, like the ledger, outlives reloads). */
    public static GatewayServer start(LiveConfig live, LinkMatcher links, GatewayMetrics metrics, Clock clock,
                                      HistoryRecorder history) {
        LinkgateConfig config = live.config();
        GatewayServer server = new GatewayServer(config);
        try {
            server.bind(live, links, metrics, clock, history);
            return server;
        } catch (IllegalArgumentException e) {
            // A certificate that cannot be used (listen.tls, upstream.tls): a configuration error, not a bind's.
            server.close(Duration.ZERO);
            throw e;
        } catch (Exception e) {
            // Netty rethrows the bind's IOException unchecked: whatever failed, stop the loops, or they keep
            // the JVM alive.
            server.close(Duration.ZERO);
            throw new IllegalStateException("cannot listen on " + config.listen().host() + ":"
                    + config.listen().port() + ": " + e.getMessage(), e);
        }
    }

    private void bind(LiveConfig live, LinkMatcher links, GatewayMetrics metrics, Clock clock, HistoryRecorder history) {
        LinkgateConfig config = live.config();
        current = new Snapshot(live, proxySettings(live, metrics));
        LinkFlow linkFlow = new LinkFlow(links, this::live, metrics, clock, history);
        metrics.transport(transport.name());
        // The ledger outlives every reload: the gauges read the one the first config was built around.
        metrics.ledgerSize(live.policy().ledger()::size);
        metrics.copiesDropped(live.policy().ledger()::copiesDropped);
        EdgeConfig edge = config.edge();
        if (edge.tls() != null) {
            SslProvider provider = TlsProvider.choose();
            certificates = ServerCertificates.load(edge.tls(), edge.http2(), provider);
            LOG.info("TLS by {}; certificates for {}; ALPN {}", TlsProvider.describe(provider), certificates.names(),
                    edge.http2() ? "h2, http/1.1" : "http/1.1");
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new GatewayInitializer(this::live, links, linkFlow, this::proxySettings, metrics,
                        clients, clock, certificates));
        listener = bootstrap.bind(config.listen().host(), config.listen().port()).syncUninterruptibly().channel();
        if (certificates != null) {
            watchCertificates();
        }
        if (edge.redirectHttpPort() != 0) {
            redirectListener = bootstrap.clone()
                    .childHandler(new RedirectInitializer(port(), clients))
                    .bind(config.listen().host(), edge.redirectHttpPort()).syncUninterruptibly().channel();
        }
    }

    private void watchCertificates() {
        try {
            watcher = CertificateWatcher.start(certificates);
        } catch (IOException e) {
            LOG.warn("cannot watch the certificate files ({}); they reload on the reload signal only", e.toString());
        }
    }

    /**
     * Reads the listener's certificates again (the reload signal): new handshakes use them, open connections keep
     * theirs; certificates that cannot be used leave the old ones in place. True when new ones are in use; false
     * when nothing changed, they were bad (logged), or the listener has no TLS.
     */
    public boolean reloadCertificates() {
        return certificates != null && certificates.reload();
    }

    /** The port of listen.redirect-http-port's listener, or -1. */
    public int redirectPort() {
        return redirectListener == null ? -1 : ((InetSocketAddress) redirectListener.localAddress()).getPort();
    }

    private ProxyHandler.Settings proxySettings(LiveConfig live, GatewayMetrics metrics) {
        UpstreamConfig upstream = live.config().upstream();
        return new ProxyHandler.Settings(pools, authority, upstream.preserveHost(), upstream.responseTimeout(),
                live.pages(), metrics, live.config().server().idleTimeout());
    }

    /** What an exchange under {@code live} needs: the current snapshot's, or (a request from before a reload) built. */
    private ProxyHandler.Settings proxySettings(LiveConfig live) {
        Snapshot now = current;
        return now.live() == live ? now.proxy() : proxySettings(live, now.proxy().metrics());
    }

    /** The config requests are served under now. */
    public LiveConfig live() {
        return current.live();
    }

    /**
     * Serves every request that arrives from now on under {@code next}; requests in flight finish under the one
     * they started with, and open connections stay open. The upstream pools take the new limits on their loops.
     */
    public void apply(LiveConfig next) {
        current = new Snapshot(next, proxySettings(next, current.proxy().metrics()));
        pools.apply(next.config().upstream());
        // The reload signal also re-reads the TLS certificate files (the watcher does on every change).
        reloadCertificates();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    public String transport() {
        return transport.name();
    }

    /** The event loops serving connections ({@code server.io-threads}). */
    public int eventLoops() {
        return workers.executorCount();
    }

    /** Client connections open now. */
    public int connections() {
        return clients.size();
    }

    @Override
    public void close() {
        close(live().config().server().drainTimeout());
    }

    /**
     * Stops accepting; idle connections close at once, the others after their response; whatever is still open
     * after {@code drain} is closed. Blocks the calling thread (never call it from an event loop).
     */
    public void close(Duration drain) {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        if (redirectListener != null) {
            redirectListener.close().syncUninterruptibly();
        }
        if (watcher != null) {
            watcher.close();
        }
        clients.forEach(ch -> ch.pipeline().fireUserEventTriggered(ConnectionEvent.DRAIN));
        clients.newCloseFuture().awaitUninterruptibly(drain.toMillis(), TimeUnit.MILLISECONDS);
        clients.close().awaitUninterruptibly();
        pools.close();
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
