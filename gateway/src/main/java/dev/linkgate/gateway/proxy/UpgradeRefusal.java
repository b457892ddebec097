package dev.linkgate.gateway.proxy;

import dev.linkgate.gateway.admin.GatewayMetrics;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;

/**
 * A passthrough request asking to upgrade to a protocol linkgate does not carry (not WebSocket, not h2c) gets
 * 400 with the reason, and the connection is closed: its client expects to leave HTTP, so nothing after it on
 * the connection can be trusted as HTTP. On link paths the Upgrade header is only dropped: the link flow has
 * already decided (and maybe claimed the link), so the request is served as a plain one.
 */
final class UpgradeRefusal {
    private UpgradeRefusal() {
    }

    /** True when it answered the forward itself. */
    static boolean refuses(ChannelHandlerContext ctx, Forward forward, GatewayMetrics metrics) {
        if (forward.observer() != ForwardObserver.NONE || Upgrade.of(forward.request().head()) != Upgrade.OTHER) {
            return false;
        }
        metrics.edge().upgrade("refused");
        byte[] body = ("400 Bad Request: upgrade to \"" + forward.request().head().header("Upgrade")
                + "\" is not supported here (only WebSocket, as an HTTP/1.1 GET)\n")
                .replaceAll("[^\\x20-\\x7e\\n]", "?").getBytes(StandardCharsets.US_ASCII);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        return true;
    }
}
