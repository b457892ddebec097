package dev.linkgate.gateway.http;

import dev.linkgate.core.config.ClientIpConfig;
import dev.linkgate.gateway.http1.RequestHead;
import dev.linkgate.gateway.link.LinkMatcher;
import dev.linkgate.gateway.reload.LiveConfig;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2StreamChannel;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where each {@link Request} is built from its {@link RequestHead}, once: the time it arrived; its path and
 * query in origin form (an absolute-form target is reduced to them, so it cannot slip past the link routes) and
 * its link token, matched once; its client address ({@link ClientAddress}); and the live config it is served
 * under to its end, the one read of it per request, so that a reload never splits a request between two configs.
 *
 * <p>Then each message (the request, its body, a refusal) passes the steps that only look at it, in this order,
 * called here rather than as handlers of their own (see {@link RequestStep}): the access log learns the request,
 * a refusal is answered ({@link DecodeFailures}), an expectation is answered ({@link ExpectContinue}), the
 * request timeouts stop, the keep-alive step learns where the request is (and, once the message has been handled,
 * may read the next request). A step that answers ends the message there; every other message goes on untouched.
 */
public final class RequestStart extends ChannelInboundHandlerAdapter {
    private static final String HTTP_2 = "HTTP/2.0";
    private static final String HTTP_1_1 = "HTTP/1.1";
    private static final String HTTP_1_0 = "HTTP/1.0";

    private final Supplier<LiveConfig> live;
    private final LinkMatcher links;
    private final Clock clock;
    private final AccessLogHandler accessLog;
    private final DecodeFailures refusals = new DecodeFailures();
    private final RequestTimeouts timeouts;
    private final KeepAliveHandler keepAlive;
    /** The peer of this connection, normalized once (a connection has one peer). */
    private InetAddress peer;
    /** Whether the peer is a trusted proxy, under {@link #trustedUnder}: looked up again only after a reload. */
    private boolean peerTrusted;
    private LiveConfig trustedUnder;

    /**
     * @param live      the config requests are served under now (a reload replaces it)
     * @param accessLog the connection's access log, placed before this handler in the pipeline
     * @param timeouts  the connection's request timeouts, or null where there are none (an HTTP/2 stream)
     * @param keepAlive the connection's (or stream's) keep-alive, placed before this handler in the pipeline
     */
    public RequestStart(Supplier<LiveConfig> live, LinkMatcher links, Clock clock, AccessLogHandler accessLog,
                        RequestTimeouts timeouts, KeepAliveHandler keepAlive) {
        this.live = live;
        this.links = links;
        this.clock = clock;
        this.accessLog = accessLog;
        this.timeouts = timeouts;
        this.keepAlive = keepAlive;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Object m = msg instanceof RequestHead head ? start(ctx.channel(), head) : msg;
        if (accessLog.onRead(ctx, m) && refusals.onRead(ctx, m) && ExpectContinue.INSTANCE.onRead(ctx, m)
                && (timeouts == null || timeouts.onRead(ctx, m))) {
            boolean next = keepAlive.arrived(m);
            ctx.fireChannelRead(m);
            if (next) {
                keepAlive.next(ctx);
            }
        }
    }

    private Request start(Channel channel, RequestHead head) {
        long startNanos = System.nanoTime();
        LiveConfig now = live.get();
        ClientIpConfig clientIp = now.config().clientIp();
        InetAddress from = peer(channel);
        if (trustedUnder != now) {
            peerTrusted = clientIp.isTrustedProxy(from);
            trustedUnder = now;
        }
        boolean trusted = peerTrusted;
        InetAddress client = from;
        if (trusted) {
            // The peer is known trusted: only hops its X-Forwarded-For names are looked up, none when it has none.
            List<String> forwardedFor = head.headers("X-Forwarded-For");
            if (!forwardedFor.isEmpty()) {
                client = ClientAddress.resolve(from, forwardedFor, clientIp::isTrustedProxy);
            }
        }
        String path = head.path();
        String query = head.query();
        String protocol = channel instanceof Http2StreamChannel ? HTTP_2 : head.http10() ? HTTP_1_0 : HTTP_1_1;
        return new Request(head, clock.instant(), startNanos, protocol, path, query, links.match(path, query), from,
                client, trusted, Connections.secure(channel), now);
    }

    private InetAddress peer(Channel channel) {
        if (peer == null) {
            InetSocketAddress source = Connections.of(channel).attr(ProxyProtocolHandler.SOURCE).get();
            InetSocketAddress remote = source != null ? source : (InetSocketAddress) channel.remoteAddress();
            peer = ClientAddress.normalize(remote.getAddress());
        }
        return peer;
    }
}
