package dev.linkgate.gateway.http1;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * A client connection's HTTP/1.1 requests, read from its bytes: each request goes on as one {@link RequestHead},
 * then its body as {@code HttpContent} pieces holding the body's bytes as they arrived (a chunked body keeps its
 * chunk framing: {@link ChunkedBodyFramer} only finds its end), the last one a {@code LastHttpContent}; a
 * request without a body is followed by an empty {@code LastHttpContent}. A request the parser refuses goes on
 * as its {@link RequestRejected} (answered 400/414/431/505 by a later step) and nothing more is read.
 *
 * <p>Pacing (auto-read is off): one message per {@code read()}, decoded when asked for, so a pipelined request is
 * parsed only once the one before it is answered and bodies stream with backpressure. While no undecoded bytes
 * wait, one socket read stays requested (read-ahead): a keep-alive connection goes from one request to the next
 * without turning its read interest off and on again, and a client that leaves mid-request is noticed at once.
 * Bytes that wait undecoded are at most one socket read's worth. A demand lasts until a message meets it.
 *
 * <p>When the connection leaves HTTP (a WebSocket tunnel), the bytes not yet decoded are handed on as they are.
 */
public final class Http1ServerHandler extends ChannelDuplexHandler {
    private enum State { HEAD, END, LENGTH, CHUNKED, FAILED }

    private final RequestHeadParser parser;
    private final int maxHeaderSize;
    private final Runnable bytesArrived;
    private ByteBuf cumulation;
    private State state = State.HEAD;
    private long remaining;
    private ChunkedBodyFramer framer;
    private boolean demand;
    /** The last decode stopped for want of bytes: reading more is what it waits for. */
    private boolean starved = true;

    public Http1ServerHandler(int maxRequestLine, int maxHeaderSize) {
        this(maxRequestLine, maxHeaderSize, () -> { });
    }

    /**
     * @param bytesArrived told of each read that brings bytes, before they are decoded (the header timeout's
     *                     start: {@code RequestTimeouts.bytesArrived})
     */
    public Http1ServerHandler(int maxRequestLine, int maxHeaderSize, Runnable bytesArrived) {
        this.parser = new RequestHeadParser(maxRequestLine, maxHeaderSize);
        this.maxHeaderSize = maxHeaderSize;
        this.bytesArrived = bytesArrived;
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        demand = true;
        deliver(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (state == State.FAILED) {
            in.release();
            return;
        }
        if (in.isReadable()) {
            bytesArrived.run();
        }
        cumulation = cumulation == null ? in : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(ctx.alloc(), cumulation, in);
        starved = false;
        deliver(ctx);
    }

    /** Hands on decoded messages while one is wanted; then keeps a socket read requested if nothing waits. */
    private void deliver(ChannelHandlerContext ctx) {
        while (demand) {
            Object msg = decode();
            if (msg == null) {
                break;
            }
            demand = false;
            ctx.fireChannelRead(msg);
        }
        if (state != State.FAILED && (starved || cumulation == null || !cumulation.isReadable())
                && ctx.channel().isActive()) {
            ctx.read();
        }
    }

    /** The next message from the bytes at hand, or null (then {@link #starved} says whether bytes are missing). */
    private Object decode() {
        if (state == State.FAILED) {
            return null;
        }
        if (state == State.END) {
            state = State.HEAD;
            return LastHttpContent.EMPTY_LAST_CONTENT;
        }
        if (cumulation == null || !cumulation.isReadable()) {
            starved = true;
            discardRead();
            return null;
        }
        try {
            return switch (state) {
                case HEAD -> head();
                case LENGTH -> length();
                case CHUNKED -> chunked();
                default -> null;
            };
        } catch (RequestRejected rejected) {
            state = State.FAILED;
            releaseCumulation();
            return rejected;
        }
    }

    private Object head() throws RequestRejected {
        RequestHead head = parser.parse(cumulation);
        if (head == null) {
            starved = true;
            return null;
        }
        if (head.framing() == RequestHead.Framing.CHUNKED) {
            framer = ChunkedBodyFramer.forBodyOf(head, maxHeaderSize);
            state = State.CHUNKED;
        } else if (head.contentLength() > 0) {
            remaining = head.contentLength();
            state = State.LENGTH;
        } else {
            state = State.END;
        }
        return head;
    }

    private Object length() {
        int n = (int) Math.min(remaining, cumulation.readableBytes());
        ByteBuf piece = cumulation.readRetainedSlice(n);
        remaining -= n;
        if (remaining > 0) {
            return new DefaultHttpContent(piece);
        }
        state = State.HEAD;
        return new DefaultLastHttpContent(piece);
    }

    private Object chunked() throws RequestRejected {
        int n = framer.frame(cumulation);
        if (n == 0) {
            starved = true;
            return null;
        }
        ByteBuf piece = cumulation.readRetainedSlice(n);
        if (!framer.complete()) {
            return new DefaultHttpContent(piece);
        }
        framer = null;
        state = State.HEAD;
        return new DefaultLastHttpContent(piece);
    }

    /** Lets go of a fully read cumulation, so that an idle connection holds no buffer. */
    private void discardRead() {
        if (cumulation != null && !cumulation.isReadable()) {
            releaseCumulation();
        }
    }

    private void releaseCumulation() {
        if (cumulation != null) {
            ByteBuf c = cumulation;
            cumulation = null;
            c.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseCumulation();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        ByteBuf rest = cumulation;
        cumulation = null;
        if (rest != null && rest.isReadable() && state == State.HEAD && ctx.channel().isActive()) {
            // The connection left HTTP: what followed the last request belongs to the next protocol.
            ctx.fireChannelRead(rest);
        } else {
            ReferenceCountUtil.release(rest);
        }
    }
}
