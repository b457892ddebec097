package dev.linkgate.gateway.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import dev.linkgate.gateway.proxy.ForwardHeaders;
import io.netty.handler.codec.http.HttpRequest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Predicate;

/** Resolves each request's client address ({@link ClientAddress}) into its {@link RequestFacts}. */
public final class ClientAddressHandler extends ChannelInboundHandlerAdapter {
    private final Predicate<InetAddress> trusted;

    public ClientAddressHandler(Predicate<InetAddress> trusted) {
        this.trusted = trusted;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        RequestFacts facts = RequestFacts.of(ctx.channel());
        if (msg instanceof HttpRequest request && facts != null) {
            InetSocketAddress source = Connections.of(ctx.channel()).attr(ProxyProtocolHandler.SOURCE).get();
            InetSocketAddress remote = source != null ? source : (InetSocketAddress) ctx.channel().remoteAddress();
            InetAddress peer = ClientAddress.normalize(remote.getAddress());
            InetAddress client = ClientAddress.resolve(peer,
                    request.headers().getAll(ForwardHeaders.X_FORWARDED_FOR), trusted);
            facts.client(peer, trusted.test(peer), client);
        }
        ctx.fireChannelRead(msg);
    }
}
