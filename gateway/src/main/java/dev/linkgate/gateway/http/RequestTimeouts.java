package dev.linkgate.gateway.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.time.Duration;

/**
 * The client side's clocks between requests. Waiting for a request, the connection is idle: closed after
 * {@code server.idle-timeout}. Once the first bytes of a request arrive, its headers must be complete within
 * {@code server.header-timeout} (slow-header defence), else 408 and close. Sits after the codec for the connection's
 * events; it sees requests as a step of {@link RequestStart} and bytes arrive through {@link #bytesArrived()},
 * which the HTTP/1.1 step calls. Both clocks share one {@link LazyTimer}, so restarting them per request
 * schedules nothing.
 */
public final class RequestTimeouts extends ChannelInboundHandlerAdapter implements RequestStep {
    private final long headerNanos;
    private final long idleNanos;
    private final Runnable idleExpired = this::idleExpired;
    private final Runnable headersExpired = this::headersExpired;
    private ChannelHandlerContext ctx;
    private LazyTimer timer;
    private boolean awaiting = true;
    private boolean headersStarted;

    public RequestTimeouts(Duration headerTimeout, Duration idleTimeout) {
        this.headerNanos = headerTimeout.toNanos();
        this.idleNanos = idleTimeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.timer = new LazyTimer(ctx.executor(), Math.min(headerNanos, idleNanos));
        if (ctx.channel().isActive()) {
            timer.arm(idleNanos, idleExpired);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        timer.arm(idleNanos, idleExpired);
        ctx.fireChannelActive();
    }

    /** A request's head is complete: neither clock runs until the connection awaits the next one. */
    @Override
    public boolean onRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Request) {
            awaiting = false;
            headersStarted = false;
            timer.disarm();
        }
        return true;
    }

    /**
     * The previous exchange is over and the connection waits for its next request: the idle clock runs. Called by
     * the keep-alive step directly (an event through the pipeline would pass every handler for one listener).
     */
    public void awaitingRequest() {
        awaiting = true;
        headersStarted = false;
        timer.arm(idleNanos, idleExpired);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        timer.stop();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.stop();
        }
    }

    /** Bytes of the connection arrived (the HTTP/1.1 step calls this for each read that brings some). */
    public void bytesArrived() {
        if (awaiting && !headersStarted && timer != null) {
            headersStarted = true;
            timer.arm(headerNanos, headersExpired);
        }
    }

    private void idleExpired() {
        if (awaiting && ctx.channel().isActive()) {
            ctx.close();
        }
    }

    private void headersExpired() {
        if (awaiting && ctx.channel().isActive()) {
            LocalResponses.sendAndClose(ctx, HttpResponseStatus.REQUEST_TIMEOUT);
        }
    }
}
