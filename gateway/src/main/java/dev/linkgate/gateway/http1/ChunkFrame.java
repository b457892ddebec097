package dev.linkgate.gateway.http1;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;

/**
 * Chunk framing around body data linkgate passes on without a length of its own: a close-delimited response
 * body to an HTTP/1.1 client, an HTTP/2 request body without content-length to the upstream.
 */
public final class ChunkFrame {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST = {'0', '\r', '\n', '\r', '\n'};

    private ChunkFrame() {
    }

    /**
     * {@code data} as one chunk ({@code size CRLF data CRLF}; nothing for empty data), followed by the last chunk
     * when {@code last}; the result takes {@code data} over without copying it.
     */
    public static ByteBuf of(ByteBuf data, boolean last) {
        int size = data.readableBytes();
        if (size == 0) {
            data.release();
            return last ? Unpooled.wrappedBuffer(LAST) : Unpooled.EMPTY_BUFFER;
        }
        ByteBuf head = Unpooled.copiedBuffer(Integer.toHexString(size) + "\r\n", StandardCharsets.US_ASCII);
        ByteBuf tail = Unpooled.wrappedBuffer(last ? new byte[] {'\r', '\n', '0', '\r', '\n', '\r', '\n'} : CRLF);
        return Unpooled.wrappedBuffer(head, data, tail);
    }
}
