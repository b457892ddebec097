package dev.linkgate.gateway.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;

import java.util.ArrayDeque;

/**
 * Hands the handlers after it one decoded message per {@code read()} (auto-read is off): the codec may decode
 * a pipelined request, or a head and its body, from one socket read, and those wait here until asked for.
 *
 * <p>While nothing waits here, one socket read stays requested (read-ahead), whether or not a message is wanted
 * yet: a keep-alive connection then goes from one request to the next without turning its read interest off
 * and on again (two {@code epoll_ctl} calls a request), and a client that goes away mid-request is noticed at
 * once. Once a message waits unasked, no more is read, so what waits here is at most one socket read's worth.
 * (Netty's auto-read cannot do this: with it on, the pipeline itself calls {@code read()} after every socket
 * read, which would look like a handler asking for the next message.)
 *
 * <p>Why not Netty's {@code FlowControlHandler}: in Netty 4.2 (4.2.18) it forgets a read that is still unsatisfied when the
 * socket read in progress completes, so a handler that asks for the next message while handling one (the body
 * after the head) stalls when that message arrives in a later TCP segment. Here a demand lasts until a message
 * meets it. At most one demand is outstanding, so a second {@code read()} never releases a second message.
 */
public final class OneMessagePerRead extends ChannelDuplexHandler {
    private final ArrayDeque<Object> queue = new ArrayDeque<>(2);
    private boolean demand;

    @Override
    public void read(ChannelHandlerContext ctx) {
        demand = true;
        deliver(ctx);
        readAhead(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        queue.add(msg);
        deliver(ctx);
        readAhead(ctx);
    }

    /** Keeps a socket read requested while nothing waits here (a no-op on the socket when one already is). */
    private void readAhead(ChannelHandlerContext ctx) {
        if (queue.isEmpty()) {
            ctx.read();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseQueued();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseQueued();
    }

    /** Hands over one queued message if one is wanted; true when it did. */
    private boolean deliver(ChannelHandlerContext ctx) {
        if (!demand || queue.isEmpty()) {
            return false;
        }
        demand = false;
        ctx.fireChannelRead(queue.poll());
        return true;
    }

    private void releaseQueued() {
        Object msg;
        while ((msg = queue.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }
}
