package dev.linkgate.gateway.http1;

import dev.linkgate.core.config.ServerConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Today's decoder: Netty's HttpServerCodec configured exactly as GatewayInitializer.addHttpCodec configures it
 * ({@link #CONFIG_SOURCE} is that configuration as written there, which DifferentialTest checks is still so).
 */
final class NettyReference {
    static final String CONFIG_SOURCE = "new HttpServerCodec(new HttpDecoderConfig()"
            + ".setMaxInitialLineLength(server.maxRequestLine().toIntBytes())"
            + ".setMaxHeaderSize(server.maxHeaderSize().toIntBytes())"
            + ".setAllowDuplicateContentLengths(false)"
            + ".setUseRfc9112TransferEncoding(true)"
            + ".setStrictLineParsing(true))";

    private NettyReference() {
    }

    static HttpServerCodec codec(ServerConfig server) {
        return new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(server.maxRequestLine().toIntBytes())
                .setMaxHeaderSize(server.maxHeaderSize().toIntBytes())
                .setAllowDuplicateContentLengths(false)
                .setUseRfc9112TransferEncoding(true)
                .setStrictLineParsing(true));
    }

    static Outcome run(byte[] bytes) {
        EmbeddedChannel channel = new EmbeddedChannel(codec(ServerConfig.defaults()));
        List<Outcome.Request> done = new ArrayList<>();
        String failure = null;
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes));
            HttpRequest head = null;
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (Object o; (o = channel.readInbound()) != null; ) {
                try {
                    if (failure != null) {
                        continue;
                    }
                    if (o instanceof HttpObject h && h.decoderResult().isFailure()) {
                        failure = String.valueOf(h.decoderResult().cause());
                        continue;
                    }
                    if (o instanceof HttpRequest r) {
                        head = r;
                        body.reset();
                    }
                    if (o instanceof HttpContent c) {
                        body.writeBytes(ByteBufUtil.getBytes(c.content()));
                    }
                    if (o instanceof LastHttpContent last) {
                        done.add(new Outcome.Request(head.method().name(), head.uri(), head.protocolVersion().text(),
                                entries(head.headers().iteratorAsString()), Outcome.Request.hex(body.toByteArray()),
                                entries(last.trailingHeaders().iteratorAsString())));
                    }
                } finally {
                    ReferenceCountUtil.release(o);
                }
            }
        } finally {
            channel.finishAndReleaseAll();
        }
        return new Outcome(done, failure != null, failure);
    }

    private static List<Map.Entry<String, String>> entries(java.util.Iterator<Map.Entry<String, String>> it) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        it.forEachRemaining(e -> out.add(Map.entry(e.getKey(), e.getValue())));
        return out;
    }

    static ByteBuf copy(byte[] bytes) {
        return Unpooled.copiedBuffer(bytes);
    }
}
