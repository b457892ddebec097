package dev.linkgate.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.LastHttpContent;

import java.nio.charset.StandardCharsets;

/**
 * Writes responses to an HTTP/1.1 client: a {@link RelayedResponse} and its body as the upstream's bytes (a
 * close-delimited body chunked on the way), everything linkgate answers itself through Netty's encoder.
 */
public final class ResponseEncoder extends HttpResponseEncoder {
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRLF = {'\r', '\n'};

    private boolean relaying;
    private boolean chunking;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof RelayedResponse r) {
            relaying = true;
            chunking = r.chunkBody();
            ByteBuf head = ctx.alloc().buffer(r.head().length() + 64);
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
        if (!chunking) {
            ctx.write(data, promise);
            return;
        }
        int size = data.readableBytes();
        if (size > 0) {
            ctx.write(Unpooled.copiedBuffer(Integer.toHexString(size) + "\r\n", StandardCharsets.US_ASCII),
                    ctx.voidPromise());
            ctx.write(data, ctx.voidPromise());
            ctx.write(Unpooled.wrappedBuffer(last ? new byte[] {'\r', '\n', '0', '\r', '\n', '\r', '\n'} : CRLF),
                    promise);
        } else {
            data.release();
            ctx.write(last ? Unpooled.wrappedBuffer(LAST_CHUNK) : Unpooled.EMPTY_BUFFER, promise);
        }
    }
}
