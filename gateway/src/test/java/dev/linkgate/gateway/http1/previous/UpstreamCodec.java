package dev.linkgate.gateway.http1.previous;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpStatusClass;

import java.util.ArrayDeque;
import java.util.List;

/**
 * HTTP/1.1 to the upstream: Netty's request encoder and response decoder, with the request head written by
 * {@link HeadBytes} (byte for byte as the client sent it, and without a per-character copy).
 *
 * <p>In place of Netty's {@code HttpClientCodec}, which fixes its own encoder. What this keeps from it: the
 * response to a HEAD request has no body whatever its headers say, so each request's method is queued until
 * its (final, non-1xx) response arrives. What it leaves out: CONNECT tunnels, which linkgate never sends upstream
 * (a CONNECT target is refused with 400). A WebSocket upgrade's 101 is decoded as a head without a body, and the
 * decoder then passes later bytes on raw until the exchange replaces it with a tunnel.
 */
/** As it was before the byte-level path replaced it (main at 1f7e053): the reference HeadWriterTest compares with. */
public final class UpstreamCodec extends CombinedChannelDuplexHandler<HttpResponseDecoder, HttpRequestEncoder> {
    private final ArrayDeque<HttpMethod> methods = new ArrayDeque<>(2);

    public UpstreamCodec(HttpDecoderConfig config) {
        init(new Decoder(config), new Encoder());
    }

    private final class Encoder extends HttpRequestEncoder {
        @Override
        protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out) throws Exception {
            if (msg instanceof HttpRequest request) {
                methods.offer(request.method());
            }
            super.encode(ctx, msg, out);
        }

        @Override
        protected void encodeInitialLine(ByteBuf buf, HttpRequest request) {
            HeadBytes.requestLine(request, buf);
        }

        @Override
        protected void encodeHeaders(HttpHeaders headers, ByteBuf buf) {
            HeadBytes.headers(headers, buf);
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
            HttpMethod method = methods.poll();
            return HttpMethod.HEAD.equals(method) || super.isContentAlwaysEmpty(msg);
        }
    }
}
