package dev.linkgate.gateway.http2;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * listen.h2c on a plain listener: a client that starts with the HTTP/2 connection preface speaks HTTP/2 (prior
 * knowledge, RFC 9113 section 3.3), any other gets HTTP/1.1. Decided on the first bytes, then the bytes read so
 * far go on to the chosen codec.
 */
public final class PrefaceChoice extends ByteToMessageDecoder {
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private final ProtocolPipelines pipelines;

    public PrefaceChoice(ProtocolPipelines pipelines) {
        this.pipelines = pipelines;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        super.channelActive(ctx);
        ctx.read();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int n = Math.min(in.readableBytes(), PREFACE.length);
        boolean prefix = true;
        for (int i = 0; i < n && prefix; i++) {
            prefix = in.getByte(in.readerIndex() + i) == PREFACE[i];
        }
        if (prefix && n < PREFACE.length) {
            return;
        }
        if (prefix) {
            pipelines.http2(ctx.pipeline());
        } else {
            pipelines.http1(ctx.pipeline());
        }
        ctx.pipeline().remove(this);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        super.channelReadComplete(ctx);
        if (ctx.pipeline().context(this) != null && !ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
    }
}
