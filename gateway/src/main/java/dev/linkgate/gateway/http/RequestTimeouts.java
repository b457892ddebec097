package dev.linkgate.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The client side's clocks between requests. Waiting for a request, the connection is idle: closed after
 * {@code server.idle-timeout}. Once the first bytes of a request arrive, its headers must be complete within
 * {@code server.header-timeout} (slow-header defence), else 408 and close. Sits after the codec to see requests;
 * its {@link #firstBytes()} probe sits before the codec to see bytes arrive.
 */
public final class RequestTimeouts extends ChannelInboundHandlerAdapter {
    private final long headerNanos;
    private final long idleNanos;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;
    private boolean awaiting = true;
    private boolean headersStarted;

    public RequestTimeouts(Duration headerTimeout, Duration idleTimeout) {
        this.headerNanos = headerTimeout.toNanos();
        this.idleNanos = idleTimeout.toNanos();
    }

    /** The probe to place before the HTTP codec. */
    public ChannelInboundHandlerAdapter firstBytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext probe, Object msg) {
                if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
                    bytesArrived();
                }
                probe.fireChannelRead(msg);
            }
        };
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (ctx.channel().isActive()) {
            arm(idleNanos, false);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        arm(idleNanos, false);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            awaiting = false;
            headersStarted = false;
            cancel();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == ConnectionEvent.AWAITING_REQUEST) {
            awaiting = true;
            headersStarted = false;
            arm(idleNanos, false);
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    private void bytesArrived() {
        if (awaiting && !headersStarted && ctx != null) {
            headersStarted = true;
            arm(headerNanos, true);
        }
    }

    private void arm(long nanos, boolean headers) {
        cancel();
        timer = ctx.executor().schedule(() -> expired(headers), nanos, TimeUnit.NANOSECONDS);
    }

    private void expired(boolean headers) {
        timer = null;
        if (!awaiting || !ctx.channel().isActive()) {
            return;
        }
        if (headers) {
            LocalResponses.sendAndClose(ctx, HttpResponseStatus.REQUEST_TIMEOUT);
        } else {
            ctx.close();
        }
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
