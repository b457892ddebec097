package dev.linkgate.gateway.http2;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.HttpConversionUtil;

/**
 * Makes an HTTP/2 stream's request look as the HTTP/1.1 codec delivers one, for the handlers after it: a head,
 * then the body's chunks, then its end, never a whole request in one message; and without the
 * {@code x-http2-*} headers Netty's conversion adds (stream id, scheme), which are not the client's and must not
 * reach the app.
 */
public final class Http2RequestHead extends ChannelInboundHandlerAdapter {
    private static final CharSequence[] EXTENSIONS = {
            HttpConversionUtil.ExtensionHeaderNames.STREAM_ID.text(),
            HttpConversionUtil.ExtensionHeaderNames.SCHEME.text(),
            HttpConversionUtil.ExtensionHeaderNames.PATH.text(),
            HttpConversionUtil.ExtensionHeaderNames.STREAM_PROMISE_ID.text(),
            HttpConversionUtil.ExtensionHeaderNames.STREAM_DEPENDENCY_ID.text(),
            HttpConversionUtil.ExtensionHeaderNames.STREAM_WEIGHT.text()};

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            strip(request.headers());
        }
        if (msg instanceof FullHttpRequest full) {
            ctx.fireChannelRead(new DefaultHttpRequest(full.protocolVersion(), full.method(), full.uri(),
                    full.headers()));
            // The body (often empty) and trailers move to the last content; the full request is not released.
            ctx.fireChannelRead(new DefaultLastHttpContent(full.content(), full.trailingHeaders()));
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /**
     * A stream error the codec found (a malformed request, such as data that disagrees with content-length): the
     * stream is reset with that error, as RFC 9113 asks (PROTOCOL_ERROR), before Netty's multiplexer closes the
     * stream's channel, which would otherwise reset it as CANCEL.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof Http2Exception e) {
            ctx.writeAndFlush(new DefaultHttp2ResetFrame(e.error()));
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    private static void strip(HttpHeaders headers) {
        for (CharSequence name : EXTENSIONS) {
            headers.remove(name);
        }
    }
}
