package dev.linkgate.gateway.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

/**
 * A message the codec could not decode (Content-Length with Transfer-Encoding, a bad chunk, a line or header
 * block over the limits) ends the connection: 414, 431 or 400 when no response has started, then close. The
 * decoder discards everything after a failure, so the connection cannot carry another request.
 */
public final class DecodeFailureHandler extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpObject o) || o.decoderResult().isSuccess()) {
            ctx.fireChannelRead(msg);
            return;
        }
        Throwable cause = o.decoderResult().cause();
        ReferenceCountUtil.release(msg);
        RequestFacts facts = RequestFacts.of(ctx.channel());
        boolean responseStarted = !(msg instanceof HttpRequest) && facts != null && facts.status() != 0;
        if (responseStarted) {
            ctx.close();
        } else {
            LocalResponses.sendAndClose(ctx, statusFor(cause));
        }
    }

    static HttpResponseStatus statusFor(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return HttpResponseStatus.REQUEST_URI_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        return HttpResponseStatus.BAD_REQUEST;
    }
}
