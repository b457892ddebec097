package dev.linkgate.gateway.http;

import dev.linkgate.core.request.LinkId;
import dev.linkgate.gateway.admin.AccessLog;
import dev.linkgate.gateway.admin.GatewayMetrics;
import dev.linkgate.gateway.admin.RequestMeters;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * One access log line per request, written when its response has been sent (or the connection ended first).
 * Link tokens are credentials: the logged path has the token cut to its first characters, and the query string
 * is never logged.
 *
 * <p>Also where each request is counted ({@code linkgate_requests_total} with the status sent, and its latency):
 * when the response's last byte is handed to the connection, under the outcome the link flow put in its
 * {@link Outcome} (passthrough when none). A request whose client left before any response is logged but not
 * counted. A response with no request before it (408 while waiting for a head, 400 for one refused) is logged
 * with "-" for what was not known.
 *
 * <p>It sits before {@link RequestStart} in the pipeline, so that every response passes it, and learns each
 * request as a step of {@code RequestStart} (so it costs inbound messages no pipeline hop).
 */
public final class AccessLogHandler extends ChannelDuplexHandler implements RequestStep {
    private final Clock clock;
    private final GatewayMetrics metrics;
    private Request current;
    private Outcome outcome;
    private long startNanos;
    private final AddressText clientText = new AddressText();

    public AccessLogHandler(Clock clock, GatewayMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A request starts: its response is the next one this handler sees written. */
    @Override
    public boolean onRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Request request) {
            current = request;
            outcome = request.outcome();
            startNanos = request.startNanos();
        }
        return true;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        int status = msg instanceof HttpResponse response ? response.status().code()
                : msg instanceof RelayedResponse relayed ? relayed.status() : 0;
        // 101 ends the HTTP part of a WebSocket: it is the request's answer.
        if (status >= 200 || status == 101) {
            if (outcome == null) {
                // Answered before a request was read at all (408, or 400 for a head refused).
                current = null;
                outcome = new Outcome();
                startNanos = System.nanoTime();
            }
            outcome.status(status);
        }
        if (outcome != null && outcome.status() != 0) {
            if (msg instanceof HttpContent content) {
                outcome.addBytes(content.content().readableBytes());
            }
            if (msg instanceof LastHttpContent) {
                Request done = current;
                Outcome result = outcome;
                long started = startNanos;
                current = null;
                outcome = null;
                count(result, started);
                promise = promise.unvoid();
                promise.addListener(f -> log(done, result, started, ctx.channel().remoteAddress()));
            }
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (outcome != null) {
            if (outcome.status() != 0) {
                count(outcome, startNanos);
            }
            log(current, outcome, startNanos, ctx.channel().remoteAddress());
            current = null;
            outcome = null;
        }
        ctx.fireChannelInactive();
    }

    private void count(Outcome o, long started) {
        RequestMeters meters = o.meters();
        (meters != null ? meters : metrics.passthrough()).finished(o.status(), System.nanoTime() - started);
    }

    private void log(Request r, Outcome o, long started, SocketAddress remote) {
        InetAddress client = r != null ? r.client() : remote instanceof InetSocketAddress a ? a.getAddress() : null;
        long total = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        AccessLog.log(new AccessLog.AccessRecord(r != null ? r.time() : clock.instant(),
                client == null ? "-" : clientText.of(client), r != null ? r.method() : "-",
                r != null ? redactedPath(r) : "-", o.decision(), o.reasons(), o.status(), o.bytes(),
                TimeUnit.NANOSECONDS.toMillis(o.upstreamNanos()), total, r != null ? r.protocol() : "-"));
    }

    private static String redactedPath(Request r) {
        String path = r.path();
        return r.isLink() ? path.replace(r.token(), LinkId.redact(r.token())) : path;
    }
}
