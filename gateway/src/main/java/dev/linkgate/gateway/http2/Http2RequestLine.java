package dev.linkgate.gateway.http2;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * An HTTP/2 request whose {@code :method} or {@code :path} no HTTP/1.1 request line could hold (a method that is
 * not a token; a path with a space, a control byte or DEL) is malformed (RFC 9113 8.1.1): its stream is reset
 * with PROTOCOL_ERROR here, and what else arrives on it is dropped. It must happen before Netty's conversion to
 * HTTP objects, which refuses such a request by throwing: for a request without a body (HEADERS with
 * END_STREAM) after allocating its content buffer, which it then never releases (Netty 4.2.18
 * {@code HttpConversionUtil.toFullHttpRequest}), and the stream ends as CANCEL instead of a protocol error.
 */
public final class Http2RequestLine extends ChannelInboundHandlerAdapter {
    private boolean refused;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof Http2HeadersFrame frame && !fitsARequestLine(frame.headers())) {
            refused = true;
            ReferenceCountUtil.release(msg);
            ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.PROTOCOL_ERROR));
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** Trailers carry no pseudo-headers and pass; a missing method or path is the codec's to refuse. */
    static boolean fitsARequestLine(Http2Headers headers) {
        CharSequence method = headers.method();
        CharSequence path = headers.path();
        return (method == null || isToken(method)) && (path == null || !hasSpaceOrControl(path));
    }

    private static boolean isToken(CharSequence s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasSpaceOrControl(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
