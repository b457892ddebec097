package dev.linkgate.gateway.http1;

import dev.linkgate.core.config.ServerConfig;
import dev.linkgate.gateway.http1.previous.ExpectContinueHandler;
import dev.linkgate.gateway.http1.previous.ForwardHeaders;
import dev.linkgate.gateway.http1.previous.RequestTargetHandler;
import dev.linkgate.gateway.http1.previous.UpstreamCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;

import java.io.ByteArrayOutputStream;

/**
 * The request head the object path sent upstream before the byte-level path replaced it (main at 1f7e053):
 * Netty's codec as the gateway configured it, RequestTargetHandler, ExpectContinueHandler, then
 * ForwardHeaders.toUpstream and UpstreamCodec's encoder (kept in {@code previous} as they were).
 */
final class TodaysPath {
    private TodaysPath() {
    }

    /** The first request's head as today's path writes it upstream, or null when it forwards nothing. */
    static byte[] upstreamHead(byte[] request, String peer, boolean trusted, String authority, boolean preserveHost) {
        EmbeddedChannel client = new EmbeddedChannel(NettyReference.codec(ServerConfig.defaults()),
                new RequestTargetHandler(), new ExpectContinueHandler());
        HttpRequest first = null;
        try {
            client.writeInbound(Unpooled.wrappedBuffer(request));
            for (Object o; (o = client.readInbound()) != null; ) {
                if (first == null && o instanceof HttpRequest r && r.decoderResult().isSuccess()) {
                    first = r;
                } else {
                    ReferenceCountUtil.release(o);
                }
            }
        } finally {
            client.finishAndReleaseAll();
        }
        if (first == null) {
            return null;
        }
        ForwardHeaders.toUpstream(first, peer, trusted, authority, preserveHost);
        EmbeddedChannel upstream = new EmbeddedChannel(new UpstreamCodec(new HttpDecoderConfig()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            upstream.writeOutbound(first);
            for (ByteBuf b; (b = upstream.readOutbound()) != null; ) {
                out.writeBytes(ByteBufUtil.getBytes(b));
                b.release();
            }
        } finally {
            upstream.finishAndReleaseAll();
        }
        return out.toByteArray();
    }
}
