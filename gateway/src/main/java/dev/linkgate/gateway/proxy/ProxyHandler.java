package dev.linkgate.gateway.proxy;

import dev.linkgate.gateway.admin.GatewayMetrics;
import dev.linkgate.gateway.http.AddressText;
import dev.linkgate.gateway.http.LazyTimer;
import dev.linkgate.gateway.http1.HeadWriter;
import dev.linkgate.gateway.page.InterstitialPage;
import dev.linkgate.gateway.reload.LiveConfig;
import dev.linkgate.gateway.upstream.UpstreamPools;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.util.ReferenceCountUtil;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The last handler of a client connection: runs each {@link Forward} as an {@link Exchange} with the upstream,
 * handing it the request's body as it is read and telling it when the client can take more.
 */
public final class ProxyHandler extends ChannelInboundHandlerAdapter {
    private final Supplier<LiveConfig> current;
    private final Function<LiveConfig, Settings> settingsOf;
    /** The settings of the last exchange's config: resolved again only after a reload. */
    private LiveConfig settingsFor;
    private Settings settings;
    private HeadWriter heads;
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

    /**
     * @param current    the config now, for a request that did not take one on its way (and for the connection's
     *                   response clock)
     * @param settingsOf what an exchange needs under a given config
     */
    public ProxyHandler(Supplier<LiveConfig> current, Function<LiveConfig, Settings> settingsOf) {
        this.current = current;
        this.settingsOf = settingsOf;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // One response clock per connection, shared by its exchanges in turn. Its floor is the response timeout
        // when the connection opened: a reload that shortens it applies in full to new connections.
        responseTimer = new LazyTimer(ctx.executor(), settings(current.get()).responseTimeout().toNanos());
    }

    private Settings settings(LiveConfig live) {
        if (live != settingsFor) {
            settings = settingsOf.apply(live);
            heads = new HeadWriter(settings.authority(), settings.preserveHost());
            settingsFor = live;
        }
        return settings;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Forward forward) {
            LiveConfig live = forward.request().live();
            if (UpgradeRefusal.refuses(ctx, forward, settings(live).metrics())) {
                return;
            }
            exchange = new Exchange(ctx, forward, settings(live), heads, responseTimer, peerText, done);
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
