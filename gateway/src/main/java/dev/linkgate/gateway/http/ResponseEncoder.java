package dev.linkgate.gateway.http;

import dev.linkgate.gateway.http1.ChunkFrame;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Writes responses to an HTTP/1.1 client: a {@link RelayedResponse} and its body as the upstream's bytes (a
 * close-delimited body chunked on the way), everything linkgate answers itself through Netty's encoder.
 */
public final class ResponseEncoder extends HttpResponseEncoder {
    private boolean relaying;
    private boolean chunking;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof RelayedResponse r) {
            relaying = true;
            chunking = r.chunkBody();
            ByteBuf head = ctx.alloc().buffer(r.head().length() + r.extraLength());
            r.writeTo(head);
            ctx.write(head, promise);
        } else if (relaying && msg instanceof HttpContent content) {
            boolean last = content instanceof LastHttpContent;
            if (last) {
                relaying = false;
            }
            body(ctx, content.content(), last, promise);
        } else {
            super.write(ctx, msg, promise);
        }
    }

    private void body(ChannelHandlerContext ctx, ByteBuf data, boolean last, ChannelPromise promise) {
        ctx.write(chunking ? ChunkFrame.of(data, last) : data, promise);
    }
}
