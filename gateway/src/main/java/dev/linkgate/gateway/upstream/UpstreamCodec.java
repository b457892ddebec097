package dev.linkgate.gateway.upstream;

import dev.linkgate.gateway.http1.ChunkedBodyFramer;
import dev.linkgate.gateway.http1.RequestRejected;
import dev.linkgate.gateway.http1.ResponseHead;
import dev.linkgate.gateway.http1.ResponseHeadParser;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandler;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;

import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.List;

/**
 * HTTP/1.1 to the upstream. Requests go out as the bytes the head writer made of the client's head, then the
 * body's bytes as they came (a chunked body with its framing).
 *
 * <p>Responses come back one of two ways, as each request's {@link Head} asks:
 * <ul>
 *   <li>as bytes (to an HTTP/1.1 client: a passthrough, or a link's forward whose copy is taken from the bytes):
 *       a {@link ResponseHead} parsed by
 *       {@link ResponseHeadParser}, then the body's bytes in pieces as they arrived (chunked framing kept;
 *       {@link ChunkedBodyFramer} only finds its end), the last one a {@code LastHttpContent};</li>
 *   <li>as Netty's objects (HTTP/2 and HTTP/1.0 clients, WebSocket handshakes): Netty's response decoder, as before.</li>
 * </ul>
 * Either way the response to a HEAD request has no body whatever its headers say, so each request's method is
 * noted until its final, non-1xx response arrives. CONNECT tunnels are left out: linkgate never sends one. A
 * WebSocket upgrade's 101 is decoded as a head without a body, and the decoder then passes later bytes on raw
 * until the exchange replaces it with a tunnel.
 *
 * <p>One handler both ways (the decoder, with the write side added), not Netty's
 * {@code CombinedChannelDuplexHandler} of two: that one relays every event and message through a context of its
 * own, a layer each response's head, body and read-complete paid for.
 */
public final class UpstreamCodec extends HttpResponseDecoder implements ChannelOutboundHandler {
    private static final int MAX_HEAD = 8192 + 64 * 1024;

    private final ArrayDeque<Head> pending = new ArrayDeque<>(2);
    private final ResponseHeadParser parser = new ResponseHeadParser(MAX_HEAD);
    /** The response being relayed as bytes: its body's framing; null between responses and in object mode. */
    private ResponseHead.Framing body;
    private long remaining;
    private ChunkedBodyFramer framer;
    /** Netty's decoder is inside a response (its head out, its end not yet). */
    private boolean objectResponse;

    /**
     * A request head for the upstream, written as it is.
     *
     * @param bytes  the head's bytes, up to and including its empty line; the write takes them over
     * @param isHead the request's method is HEAD: its response has no body
     * @param raw    its response is wanted as bytes ({@link ResponseHead} and raw body pieces), not objects
     */
    public record Head(ByteBuf bytes, boolean isHead, boolean raw) {
    }

    public UpstreamCodec(HttpDecoderConfig config) {
        super(config);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof Head head) {
            pending.offer(head);
            ctx.write(head.bytes(), promise);
        } else {
            ctx.write(msg, promise);
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        ctx.read();
    }

    @Override
    public void bind(ChannelHandlerContext ctx, SocketAddress local, ChannelPromise promise) {
        ctx.bind(local, promise);
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise) {
        ctx.connect(remote, local, promise);
    }

    @Override
    public void disconnect(ChannelHandlerContext ctx, ChannelPromise promise) {
        ctx.disconnect(promise);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        ctx.close(promise);
    }

    @Override
    public void deregister(ChannelHandlerContext ctx, ChannelPromise promise) {
        ctx.deregister(promise);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (body != null) {
            rawBody(in, out);
            return;
        }
        Head next = pending.peek();
        if (objectResponse || next == null || !next.raw()) {
            int before = out.size();
            super.decode(ctx, in, out);
            for (int i = before; i < out.size(); i++) {
                Object o = out.get(i);
                if (o instanceof HttpResponse r && r.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
                    objectResponse = true;
                }
                if (o instanceof LastHttpContent && objectResponse) {
                    objectResponse = false;
                }
            }
            return;
        }
        ResponseHead head;
        try {
            head = parser.parse(in, next.isHead());
        } catch (RequestRejected e) {
            in.skipBytes(in.readableBytes());
            throw new DecoderException("upstream response refused: " + e.reason());
        }
        if (head == null) {
            return;
        }
        out.add(head);
        if (head.informational()) {
            // 100 Continue, 103 Early Hints: the final response to the same request is still to come.
            return;
        }
        pending.poll();
        switch (head.framing()) {
            case NONE -> out.add(LastHttpContent.EMPTY_LAST_CONTENT);
            case CONTENT_LENGTH -> {
                remaining = head.contentLength();
                if (remaining == 0) {
                    out.add(LastHttpContent.EMPTY_LAST_CONTENT);
                } else {
                    body = ResponseHead.Framing.CONTENT_LENGTH;
                }
            }
            case CHUNKED -> {
                framer = new ChunkedBodyFramer(MAX_HEAD);
                body = ResponseHead.Framing.CHUNKED;
            }
            case CLOSE -> body = ResponseHead.Framing.CLOSE;
        }
    }

    private void rawBody(ByteBuf in, List<Object> out) throws Exception {
        int n = in.readableBytes();
        boolean last = false;
        switch (body) {
            case CONTENT_LENGTH -> {
                n = (int) Math.min(n, remaining);
                remaining -= n;
                last = remaining == 0;
            }
            case CHUNKED -> {
                try {
                    n = framer.frame(in);
                } catch (RequestRejected e) {
                    in.skipBytes(in.readableBytes());
                    throw new DecoderException("upstream chunked body refused: " + e.reason());
                }
                last = framer.complete();
            }
            default -> {
            }
        }
        if (n == 0 && !last) {
            return;
        }
        ByteBuf piece = in.readRetainedSlice(n);
        if (last) {
            body = null;
            framer = null;
            out.add(new DefaultLastHttpContent(piece));
        } else {
            out.add(new DefaultHttpContent(piece));
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (body == ResponseHead.Framing.CLOSE) {
            // The connection's close is the body's end.
            body = null;
            out.add(new DefaultLastHttpContent(in.readRetainedSlice(in.readableBytes())));
        } else if (body == null && !objectResponse && (pending.isEmpty() || pending.peek().raw())) {
            // Between responses, or a raw body cut short: the exchange hears the close itself.
            in.skipBytes(in.readableBytes());
        } else if (body == null) {
            super.decodeLast(ctx, in, out);
        }
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage msg) {
        if (((HttpResponse) msg).status().codeClass() == HttpStatusClass.INFORMATIONAL) {
            // 100 Continue, 103 Early Hints: the final response to the same request is still to come.
            return super.isContentAlwaysEmpty(msg);
        }
        Head head = pending.poll();
        return head != null && head.isHead() || super.isContentAlwaysEmpty(msg);
    }
}
