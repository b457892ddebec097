package dev.linkgate.gateway.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import dev.linkgate.gateway.proxy.ForwardHeaders;
import io.netty.handler.codec.http.HttpRequest;

import dev.linkgate.core.config.ClientIpConfig;
import dev.linkgate.gateway.reload.LiveConfig;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * Resolves each request's client address ({@link ClientAddress}) into its {@link RequestFacts}. Also where a
 * request takes the live config it is served under to its end ({@link RequestFacts#live()}): the one read of it
 * per request, so that a reload never splits a request between two configs.
 */
public final class ClientAddressHandler extends ChannelInboundHandlerAdapter {
    private final Supplier<LiveConfig> live;

    /** @param live the config requests are served under now (a reload replaces it) */
    public ClientAddressHandler(Supplier<LiveConfig> live) {
        this.live = live;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        RequestFacts facts = RequestFacts.of(ctx.channel());
        if (msg instanceof HttpRequest request && facts != null) {
            LiveConfig now = live.get();
            facts.live(now);
            ClientIpConfig trusted = now.config().clientIp();
            InetSocketAddress source = Connections.of(ctx.channel()).attr(ProxyProtocolHandler.SOURCE).get();
            InetSocketAddress remote = source != null ? source : (InetSocketAddress) ctx.channel().remoteAddress();
            InetAddress peer = ClientAddress.normalize(remote.getAddress());
            InetAddress client = ClientAddress.resolve(peer,
                    request.headers().getAll(ForwardHeaders.X_FORWARDED_FOR), trusted::isTrustedProxy);
            facts.client(peer, trusted.isTrustedProxy(peer), client);
        }
        ctx.fireChannelRead(msg);
    }
}
