package dev.linkgate.gateway.http1.previous;

import dev.linkgate.gateway.http.LocalResponses;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;

/**
 * Puts every request's target in origin form before the link routes see it: an absolute-form target
 * ({@code GET http://host/sign/abc}) would otherwise slip past them while the upstream still served it. Its
 * authority becomes the Host. A target in no form we serve (other than {@code OPTIONS *}) gets 400 and close.
 */
/** As it was before the byte-level path replaced it (main at 1f7e053): the reference HeadWriterTest compares with. */
public final class RequestTargetHandler extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess() && !request.uri().startsWith("/")
                && !("*".equals(request.uri()) && HttpMethod.OPTIONS.equals(request.method()))) {
            String origin = RequestTarget.originForm(request.uri());
            if (origin == null) {
                ReferenceCountUtil.release(msg);
                LocalResponses.sendAndClose(ctx, HttpResponseStatus.BAD_REQUEST);
                return;
            }
            String authority = RequestTarget.authority(request.uri());
            request.setUri(origin);
            if (authority != null) {
                request.headers().set(HttpHeaderNames.HOST, authority);
            }
        }
        ctx.fireChannelRead(msg);
    }
}
