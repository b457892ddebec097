package dev.linkgate.gateway.http1.previous;

import dev.linkgate.gateway.http.LocalResponses;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

/**
 * {@code Expect: 100-continue}: answered here with 100 Continue (only when a body follows), and the header
 * removed so the upstream never waits on it. Any other expectation gets 417 and the connection closes, since
 * the client may be sending a body we will not read. HTTP/1.0 expectations are ignored (RFC 9110 10.1.1).
 */
/** As it was before the byte-level path replaced it (main at 1f7e053): the reference HeadWriterTest compares with. */
public final class ExpectContinueHandler extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && request.headers().contains(HttpHeaderNames.EXPECT)) {
            String expect = request.headers().get(HttpHeaderNames.EXPECT).trim();
            request.headers().remove(HttpHeaderNames.EXPECT);
            if (request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
                if (!HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect)) {
                    ReferenceCountUtil.release(msg);
                    LocalResponses.sendAndClose(ctx, HttpResponseStatus.EXPECTATION_FAILED);
                    return;
                }
                if (HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) > 0) {
                    ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                            Unpooled.EMPTY_BUFFER));
                }
            }
        }
        ctx.fireChannelRead(msg);
    }
}
