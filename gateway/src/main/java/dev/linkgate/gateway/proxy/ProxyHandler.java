package dev.linkgate.gateway.proxy;

import dev.linkgate.gateway.admin.GatewayMetrics;
import dev.linkgate.gateway.http.AddressText;
import dev.linkgate.gateway.http.LazyTimer;
import dev.linkgate.gateway.page.InterstitialPage;
import dev.linkgate.gateway.upstream.UpstreamPools;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.util.ReferenceCountUtil;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The last handler of a client connection: runs each {@link Forward} as an {@link Exchange} with the upstream,
 * handing it the request's body as it is read and telling it when the client can take more.
 */
public final class ProxyHandler extends ChannelInboundHandlerAdapter {
    private final Settings settings;
    private Exchange exchange;
    private LazyTimer responseTimer;
    private final AddressText peerText = new AddressText();
    private final Consumer<Exchange> done = this::done;

    /**
     * What every exchange needs.
     *
     * @param authority       the upstream's host[:port], for Host when the client's is not preserved
     * @param responseTimeout the upstream must answer (and keep answering) within this
     * @param tunnelIdle      a WebSocket tunnel with no byte either way for this long is closed
     */
    public record Settings(UpstreamPools pools, String authority, boolean preserveHost, Duration responseTimeout,
                           InterstitialPage pages, GatewayMetrics metrics, Duration tunnelIdle) {
        public Settings(UpstreamPools pools, String authority, boolean preserveHost, Duration responseTimeout,
                        InterstitialPage pages, GatewayMetrics metrics) {
            this(pools, authority, preserveHost, responseTimeout, pages, metrics, Duration.ofSeconds(60));
        }
    }

    public ProxyHandler(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // One response clock per connection, shared by its exchanges in turn.
        responseTimer = new LazyTimer(ctx.executor(), settings.responseTimeout().toNanos());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Forward forward) {
            if (UpgradeRefusal.refuses(ctx, forward, settings.metrics())) {
                return;
            }
            exchange = new Exchange(ctx, forward, settings, responseTimer, peerText, done);
            exchange.start();
        } else if (msg instanceof HttpContent content && exchange != null) {
            exchange.requestContent(content);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null && ctx.channel().isWritable()) {
            exchange.clientWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (exchange != null) {
            Exchange e = exchange;
            exchange = null;
            e.clientClosed();
        } else {
            responseTimer.stop();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A client connection error (reset, broken pipe): nothing to answer; channelInactive ends the exchange.
        ctx.close();
    }

    private void done(Exchange e) {
        if (exchange == e) {
            exchange = null;
        }
    }
}
