package dev.linkgate.gateway.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpStatusClass;

import java.util.ArrayDeque;

/**
 * HTTP/1.1 to the upstream: requests go out as the bytes the head writer made of the client's head and the
 * body's bytes as they came (a chunked body with its framing); responses are decoded by Netty's decoder.
 *
 * <p>What this keeps of Netty's {@code HttpClientCodec}: the response to a HEAD request has no body whatever its
 * headers say, so each request's method is noted (from its {@link Head}) until its final, non-1xx response
 * arrives. What it leaves out: CONNECT tunnels, which linkgate never sends upstream (a CONNECT request is refused
 * with 400). A WebSocket upgrade's 101 is decoded as a head without a body, and the decoder then passes later
 * bytes on raw until the exchange replaces it with a tunnel.
 */
public final class UpstreamCodec extends CombinedChannelDuplexHandler<HttpResponseDecoder, ChannelOutboundHandlerAdapter> {
    private final ArrayDeque<Boolean> heads = new ArrayDeque<>(2);

    /**
     * A request head for the upstream, written as it is.
     *
     * @param bytes  the head's bytes, up to and including its empty line; the write takes them over
     * @param isHead the request's method is HEAD: its response has no body
     */
    public record Head(ByteBuf bytes, boolean isHead) {
    }

    public UpstreamCodec(HttpDecoderConfig config) {
        init(new Decoder(config), new Writer());
    }

    private final class Writer extends ChannelOutboundHandlerAdapter {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof Head head) {
                heads.offer(head.isHead());
                ctx.write(head.bytes(), promise);
            } else {
                ctx.write(msg, promise);
            }
        }
    }

    private final class Decoder extends HttpResponseDecoder {
        Decoder(HttpDecoderConfig config) {
            super(config);
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpMessage msg) {
            if (((HttpResponse) msg).status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                // 100 Continue, 103 Early Hints: the final response to the same request is still to come.
                return super.isContentAlwaysEmpty(msg);
            }
            return Boolean.TRUE.equals(heads.poll()) || super.isContentAlwaysEmpty(msg);
        }
    }
}
