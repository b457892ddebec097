package dev.linkgate.gateway.http2;

import dev.linkgate.gateway.http1.ChunkFrame;
import dev.linkgate.gateway.http1.DecodedHeads;
import dev.linkgate.gateway.http1.RequestHead;
import dev.linkgate.gateway.http1.RequestRejected;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.HttpConversionUtil;
import io.netty.util.ReferenceCountUtil;


/**
 * Makes an HTTP/2 stream's request look as the HTTP/1.1 step delivers one, for the handlers after it: a
 * {@link RequestHead} (checked by the same parser, see {@link DecodedHeads}), then the body's bytes in the framing
 * the head declares (chunk framing added when the stream has no content-length, as Netty's conversion then
 * declares the body chunked), then its end, never a whole request in one message; and without the
 * {@code x-http2-*} headers Netty's conversion adds (stream id, scheme), which are not the client's and must not
 * reach the app. A request the parser refuses goes on as its {@link RequestRejected}.
 */
public final class Http2RequestHead extends ChannelInboundHandlerAdapter {
    private static final CharSequence[] EXTENSIONS = {
            HttpConversionUtil.ExtensionHeaderNames.STREAM_ID.text(),
            HttpConversionUtil.ExtensionHeaderNames.SCHEME.text(),
            HttpConversionUtil.ExtensionHeaderNames.PATH.text(),
            HttpConversionUtil.ExtensionHeaderNames.STREAM_PROMISE_ID.text(),
            HttpConversionUtil.ExtensionHeaderNames.STREAM_DEPENDENCY_ID.text(),
            HttpConversionUtil.ExtensionHeaderNames.STREAM_WEIGHT.text()};

    private final int maxRequestLine;
    private final int maxHeaderSize;
    private boolean chunked;
    private boolean refused;

    public Http2RequestHead(int maxRequestLine, int maxHeaderSize) {
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderSize = maxHeaderSize;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            strip(request.headers());
            RequestHead head;
            try {
                head = DecodedHeads.of(request, maxRequestLine, maxHeaderSize);
            } catch (RequestRejected rejected) {
                refused = true;
                ReferenceCountUtil.release(msg);
                ctx.fireChannelRead(rejected);
                return;
            }
            chunked = head.framing() == RequestHead.Framing.CHUNKED;
            ctx.fireChannelRead(head);
            if (msg instanceof FullHttpRequest full) {
                // The body (often empty) moves to the last content; trailers are not carried.
                ctx.fireChannelRead(body(full.content().retain(), true));
                full.release();
            }
            return;
        }
        if (msg instanceof HttpContent content) {
            if (refused) {
                content.release();
                return;
            }
            ctx.fireChannelRead(body(content.content().retain(), content instanceof LastHttpContent));
            content.release();
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** A piece of the body as the bytes an HTTP/1.1 client would have sent for it. */
    private HttpContent body(ByteBuf data, boolean last) {
        if (chunked) {
            data = ChunkFrame.of(data, last);
        }
        return last ? new DefaultLastHttpContent(data) : new DefaultHttpContent(data);
    }

    /**
     * A stream error the codec found (a malformed request, such as data that disagrees with content-length): the
     * stream is reset with that error, as RFC 9113 asks (PROTOCOL_ERROR), before Netty's multiplexer closes the
     * stream's channel, which would otherwise reset it as CANCEL.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // The conversion's own refusals (Host against :authority) come wrapped in a DecoderException.
        Http2Exception e = Http2CodecUtil.getEmbeddedHttp2Exception(cause);
        if (e != null) {
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
