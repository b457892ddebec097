package dev.linkgate.gateway;

import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.config.ServerConfig;
import dev.linkgate.gateway.admin.GatewayMetrics;
import dev.linkgate.gateway.http.AccessLogHandler;
import dev.linkgate.gateway.http.KeepAliveHandler;
import dev.linkgate.gateway.http.OneMessagePerRead;
import dev.linkgate.gateway.http.ProxyProtocolHandler;
import dev.linkgate.gateway.http.RequestStart;
import dev.linkgate.gateway.http1.Http1ServerHandler;
import dev.linkgate.gateway.http.RequestTimeouts;
import dev.linkgate.gateway.link.LinkFlow;
import dev.linkgate.gateway.link.LinkMatcher;
import dev.linkgate.gateway.http2.AlpnChoice;
import dev.linkgate.gateway.http2.Http2RequestHead;
import dev.linkgate.gateway.http2.Http2RequestLine;
import dev.linkgate.gateway.http2.Http2Server;
import dev.linkgate.gateway.http2.PrefaceChoice;
import dev.linkgate.gateway.http2.ProtocolPipelines;
import dev.linkgate.gateway.proxy.ProxyHandler;
import dev.linkgate.gateway.reload.LiveConfig;
import dev.linkgate.gateway.tls.ServerCertificates;
import dev.linkgate.gateway.tls.TlsHandshakes;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import dev.linkgate.gateway.http.ResponseEncoder;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.SniHandler;

import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A client connection's pipeline, built in the order a request travels through it:
 * PROXY protocol, TLS (when listen.tls: SNI, handshake, then ALPN picks HTTP/1.1 or HTTP/2), the HTTP/1.1 step
 * (bytes to one {@code RequestHead} per request, with its limits, one message per read), the response encoder and
 * the access log and keep-alive (outbound: every response passes them), request start (origin form, link token,
 * client address; then, as its steps rather than handlers, the access log's start, refusals, Expect, timeouts,
 * keep-alive), the timeouts' clocks, link flow (its first step reads a continue's form), proxy. Over HTTP/2 the connection carries the frame codec and every stream gets a {@code RequestHead}
 * built by the same parser and the same request steps from request start on. Each new connection is built from the live config of its
 * moment (limits, PROXY protocol); a reload leaves open connections as they are. The edge settings (TLS,
 * HTTP/2) are the start's; certificates reload through {@link ServerCertificates}.
 */
final class GatewayInitializer extends ChannelInitializer<SocketChannel> implements ProtocolPipelines {
    private final Supplier<LiveConfig> live;
    private final LinkMatcher links;
    private final LinkFlow linkFlow;
    private final Function<LiveConfig, ProxyHandler.Settings> proxy;
    private final GatewayMetrics metrics;
    private final ChannelGroup clients;
    private final Clock clock;
    private final ServerCertificates certificates;
    private final ChannelInitializer<Http2StreamChannel> streams = new ChannelInitializer<>() {
        @Override
        protected void initChannel(Http2StreamChannel ch) {
            addStream(ch);
        }
    };

    /** @param certificates the listener's certificates, or null for plain HTTP */
    GatewayInitializer(Supplier<LiveConfig> live, LinkMatcher links, LinkFlow linkFlow,
                       Function<LiveConfig, ProxyHandler.Settings> proxy, GatewayMetrics metrics, ChannelGroup clients,
                       Clock clock, ServerCertificates certificates) {
        this.live = live;
        this.links = links;
        this.linkFlow = linkFlow;
        this.proxy = proxy;
        this.metrics = metrics;
        this.clients = clients;
        this.clock = clock;
        this.certificates = certificates;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        trackConnection(ch);
        ChannelPipeline p = ch.pipeline();
        LinkgateConfig config = live.get().config();
        addProxyProtocol(p, config);
        if (certificates != null) {
            addTls(p, config.server());
        } else if (config.edge().h2c()) {
            p.addLast("h2c-preface", new PrefaceChoice(this));
        } else {
            http1(p);
        }
    }

    /**
     * TLS 1.2/1.3 with the certificate for the client's SNI name, the handshake within server.header-timeout;
     * then HTTP/1.1 or HTTP/2 by ALPN.
     */
    private void addTls(ChannelPipeline p, ServerConfig server) {
        p.addLast("tls", new SniHandler(certificates, 0, server.headerTimeout().toMillis()));
        p.addLast("tls-handshake", new TlsHandshakes(metrics.edge()));
        p.addLast("alpn", new AlpnChoice(this));
    }

    /** The HTTP/1.1 steps; on a connection already open (after TLS or the preface check) it starts reading. */
    @Override
    public void http1(ChannelPipeline p) {
        ServerConfig server = live.get().config().server();
        RequestTimeouts timeouts = new RequestTimeouts(server.headerTimeout(), server.idleTimeout());
        addHttpCodec(p, server, timeouts);
        addRequestStart(p, timeouts);
        addTimeouts(p, timeouts);
        addLinkFlow(p);
        addProxy(p);
        if (p.channel().isActive()) {
            p.channel().read();
        }
    }

    @Override
    public void http2(ChannelPipeline p) {
        LinkgateConfig config = live.get().config();
        ServerConfig server = config.server();
        Http2Server.configure(p, new Http2Server.Limits(config.edge().maxConcurrentStreams(),
                server.maxRequestLine().bytes() + server.maxHeaderSize().bytes(), server.idleTimeout(),
                server.drainTimeout()), streams);
    }

    /**
     * One HTTP/2 stream: frames to HTTP objects, shaped as the HTTP/1.1 codec delivers them, then the same steps.
     * Its reads are manual as on an HTTP/1.1 connection; flow control passes that pacing on to the client.
     */
    private void addStream(Http2StreamChannel ch) {
        ch.config().setAutoRead(false);
        ChannelPipeline p = ch.pipeline();
        ServerConfig server = live.get().config().server();
        p.addLast("h2-request-line", new Http2RequestLine());
        p.addLast("h2-http", new Http2StreamFrameToHttpObjectCodec(true));
        p.addLast("h2-request", new Http2RequestHead(server.maxRequestLine().toIntBytes(),
                server.maxHeaderSize().toIntBytes()));
        p.addLast("one-message-per-read", new OneMessagePerRead());
        addRequestStart(p, null);
        addLinkFlow(p);
        addProxy(p);
    }

    private void trackConnection(SocketChannel ch) {
        clients.add(ch);
        metrics.connectionOpened();
        ch.closeFuture().addListener(f -> metrics.connectionClosed());
    }

    /** client-ip.proxy-protocol: v1 or v2 header first; its source address is the peer. */
    private void addProxyProtocol(ChannelPipeline p, LinkgateConfig config) {
        if (config.clientIp().proxyProtocol()) {
            p.addLast("proxy-protocol", new HAProxyMessageDecoder());
            p.addLast("proxy-source", new ProxyProtocolHandler());
        }
    }

    /**
     * HTTP/1.1 from bytes ({@link Http1ServerHandler}: the request line and header limits, framing stricter than
     * RFC 9112 requires, one message per read: reads are manual, which paces pipelined requests and bodies; it
     * starts the header timeout when bytes arrive), and the encoder for the responses.
     */
    private void addHttpCodec(ChannelPipeline p, ServerConfig server, RequestTimeouts timeouts) {
        p.addLast("http-codec", new Http1ServerHandler(server.maxRequestLine().toIntBytes(),
                server.maxHeaderSize().toIntBytes(), timeouts::bytesArrived));
        p.addLast("http-encoder", new ResponseEncoder());
    }

    /**
     * The access log and keep-alive, which see every response written after them; then each request built once
     * ({@link RequestStart}: origin form, link token, client address, live config) and passed through the steps
     * that need no handler of their own: the access log's start, a refused request answered 400/414/431/505 and
     * closed, Expect, the timeouts stopped, keep-alive's account of the request.
     *
     * @param timeouts the connection's, or null on an HTTP/2 stream
     */
    private void addRequestStart(ChannelPipeline p, RequestTimeouts timeouts) {
        AccessLogHandler accessLog = new AccessLogHandler(clock, metrics);
        KeepAliveHandler keepAlive = new KeepAliveHandler(timeouts);
        p.addLast("access-log", accessLog);
        p.addLast("keep-alive", keepAlive);
        p.addLast("request", new RequestStart(live, links, clock, accessLog, timeouts, keepAlive));
    }

    private void addTimeouts(ChannelPipeline p, RequestTimeouts timeouts) {
        p.addLast("timeouts", timeouts);
    }

    private void addLinkFlow(ChannelPipeline p) {
        p.addLast("link-flow", linkFlow.newHandler());
    }

    private void addProxy(ChannelPipeline p) {
        p.addLast("proxy", new ProxyHandler(live, proxy));
    }
}
