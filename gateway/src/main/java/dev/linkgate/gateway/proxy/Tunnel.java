package dev.linkgate.gateway.proxy;

import dev.linkgate.gateway.http.HopByHop;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * After a {@code 101 Switching Protocols} (WebSocket), the client and upstream connections become one byte
 * tunnel: everything HTTP is taken out of both pipelines (TLS and the PROXY protocol stay), and each side reads
 * its next chunk only while the other can take it, as Netty's proxy example does. Either side closing, or no
 * byte either way for the idle timeout, closes both.
 */
final class Tunnel {
    private Tunnel() {
    }

    /** Answers the client with the upstream's 101 (its Upgrade and Connection headers kept), then opens the tunnel. */
    static void switchProtocols(ChannelHandlerContext ctx, HttpResponse response, Channel upstream, Duration idle) {
        HopByHop.strip(response.headers());
        Upgrade.restoreWebSocket(response.headers());
        ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, response.status(), Unpooled.EMPTY_BUFFER,
                response.headers(), EmptyHttpHeaders.INSTANCE), ctx.voidPromise());
        open(ctx.channel(), upstream, idle);
    }

    /**
     * @param client   the client connection, its 101 already written: its HTTP handlers, from the codec on, are
     *                 removed (names as GatewayInitializer gives them)
     * @param upstream the upstream connection, whose HTTP codec and exchange handler are removed
     */
    static void open(Channel client, Channel upstream, Duration idleTimeout) {
        Relay toUpstream = new Relay(upstream);
        Relay toClient = new Relay(client);
        ChannelPipeline c = client.pipeline();
        List<String> http = new ArrayList<>();
        boolean after = false;
        for (String name : c.names()) {
            after |= name.equals("http-codec");
            if (after && c.get(name) != null) {
                http.add(name);
            }
        }
        c.addLast("tunnel-idle", new IdleStateHandler(0, 0, idleTimeout.toNanos(), TimeUnit.NANOSECONDS));
        c.addLast("tunnel", toUpstream);
        // Removed after the relay is in place and from the last to the first, so that bytes the HTTP/1.1 step
        // still holds go straight on to the relay.
        for (int i = http.size() - 1; i >= 0; i--) {
            c.remove(http.get(i));
        }
        ChannelPipeline u = upstream.pipeline();
        u.addLast("tunnel", toClient);
        u.remove("exchange");
        u.remove("http-codec");
        client.read();
        upstream.read();
    }

    /** Reads one side and writes to the other. */
    private static final class Relay extends ChannelInboundHandlerAdapter {
        private final Channel other;

        Relay(Channel other) {
            this.other = other;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf bytes && other.isActive()) {
                other.write(bytes, other.voidPromise());
            } else {
                // The HTTP decoder's end-of-message marker after the 101, or bytes for a side already gone.
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            other.flush();
            if (other.isWritable()) {
                ctx.read();
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (ctx.channel().isWritable()) {
                other.read();
            }
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.ALL_IDLE) {
                ctx.close();
                other.close();
                return;
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (other.isActive()) {
                other.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
