package dev.linkgate.gateway.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Whether and when a connection takes its next request.
 *
 * <p>Pipelining: reads are manual (auto-read off) and the HTTP/1.1 step before this hands over one message
 * per read, so the next request is read only once this one has been read to its end AND
 * its response fully written. Pipelined requests are therefore answered in order, one at a time.
 *
 * <p>Keep-alive: decided when the response head goes out: the client allows it (HTTP/1.1 by default, HTTP/1.0
 * with {@code Connection: keep-alive}), the response allows it, its end is self-delimited (Content-Length,
 * chunked, or no body) and the server is not draining. The Connection header is set to match. Whoever answers
 * a request reads it to its end or answers with {@code Connection: close}.
 *
 * <p>It sits before {@link RequestStart}, so that every response passes it, and sees the request's messages as
 * the last of {@code RequestStart}'s steps.
 */
public final class KeepAliveHandler extends ChannelDuplexHandler {
    /** The connection's request timeouts, told when it awaits its next request; null where there are none. */
    private final RequestTimeouts timeouts;
    /** The next request's read, one task object for the connection's life. */
    private Runnable readNext;
    private boolean inFlight;
    private boolean requestEnded;
    private boolean responseEnded;
    private boolean clientKeepAlive;
    private boolean http10;
    private boolean head;
    private boolean persist;
    private boolean draining;

    /** @param timeouts the connection's request timeouts, or null where there are none (an HTTP/2 stream) */
    public KeepAliveHandler(RequestTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        readNext = ctx::read;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.fireChannelActive();
        ctx.read();
    }

    /**
     * A message of the request arrives: called by {@link RequestStart} as its last step (so that it costs no
     * pipeline hop), before the message goes on.
     *
     * @return true when the connection is to take its next request ({@link #next}) once the message has been
     *         handled: the request's end arrived after its response was written in full
     */
    boolean arrived(Object msg) {
        if (msg instanceof Request request) {
            inFlight = true;
            requestEnded = false;
            responseEnded = false;
            clientKeepAlive = request.head().keepAlive();
            http10 = request.head().http10();
            head = request.isHead();
        }
        if (msg instanceof LastHttpContent && inFlight && !requestEnded) {
            requestEnded = true;
            return responseEnded && persist;
        }
        return false;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse r && r.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
            ctx.write(msg, promise);
            return;
        }
        if (msg instanceof RelayedResponse relayed && !relayed.head().informational()) {
            // Relayed as bytes to an HTTP/1.1 client: its end is always marked (a close-delimited body is chunked).
            persist = inFlight && clientKeepAlive && !draining && !relayed.closeAfter();
            relayed.connection(persist ? null : "close");
        }
        if (msg instanceof HttpResponse response) {
            persist = inFlight && clientKeepAlive && !draining && HttpUtil.isKeepAlive(response)
                    && selfDelimited(response);
            if (!persist) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            } else if (http10) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            } else {
                response.headers().remove(HttpHeaderNames.CONNECTION);
            }
        }
        boolean next = false;
        if (msg instanceof LastHttpContent && inFlight && !responseEnded) {
            responseEnded = true;
            if (!persist) {
                promise = promise.unvoid().addListener(ChannelFutureListener.CLOSE);
            } else {
                next = requestEnded;
            }
        }
        ctx.write(msg, promise);
        if (next) {
            next(ctx);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == ConnectionEvent.DRAIN) {
            draining = true;
            if (!inFlight) {
                ctx.close();
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    /** The exchange is over both ways: the next request is read (or the connection closes when draining). */
    void next(ChannelHandlerContext ctx) {
        inFlight = false;
        if (draining) {
            ctx.close();
            return;
        }
        if (timeouts != null) {
            timeouts.awaitingRequest();
        }
        // Read on in a later task: the finished exchange has handed its upstream connection back by then.
        ctx.executor().execute(readNext);
    }

    private boolean selfDelimited(HttpResponse r) {
        int code = r.status().code();
        return head || code == 204 || code == 304 || HttpUtil.isContentLengthSet(r)
                || HttpUtil.isTransferEncodingChunked(r);
    }
}
