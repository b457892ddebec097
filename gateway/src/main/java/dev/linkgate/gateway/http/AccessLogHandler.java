package dev.linkgate.gateway.http;

import dev.linkgate.core.request.LinkId;
import dev.linkgate.gateway.admin.AccessLog;
import dev.linkgate.gateway.admin.GatewayMetrics;
import dev.linkgate.gateway.admin.RequestMeters;
import dev.linkgate.gateway.link.LinkMatcher;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * One access log line per request, written when its response has been sent (or the connection ended first).
 * Also where each request's {@link RequestFacts} begin. Link tokens are credentials: the logged path has the
 * token cut to its first characters, and the query string is never logged.
 *
 * <p>Also where each request is counted ({@code linkgate_requests_total} with the status sent, and its latency):
 * when the response's last byte is handed to the connection, under the outcome the link flow put in its facts
 * (passthrough when none). A request whose client left before any response is logged but not counted.
 */
public final class AccessLogHandler extends ChannelDuplexHandler {
    private final LinkMatcher links;
    private final Clock clock;
    private final GatewayMetrics metrics;
    private RequestFacts current;
    private final AddressText clientText = new AddressText();

    public AccessLogHandler(LinkMatcher links, Clock clock, GatewayMetrics metrics) {
        this.links = links;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            current = new RequestFacts(clock.instant(), System.nanoTime(), request.method().name(),
                    redactedPath(request.uri()), Connections.protocol(ctx.channel(), request));
            ctx.channel().attr(RequestFacts.KEY).set(current);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && (response.status().codeClass() != HttpStatusClass.INFORMATIONAL
                || response.status().code() == 101)) {
            // 101 ends the HTTP part of a WebSocket: it is the request's answer.
            if (current == null) {
                // Answered before a request was read at all (408).
                current = new RequestFacts(clock.instant(), System.nanoTime(), "-", "-", "-");
            }
            current.status(response.status().code());
        }
        if (current != null && current.status() != 0) {
            if (msg instanceof HttpContent content) {
                current.addBytes(content.content().readableBytes());
            }
            if (msg instanceof LastHttpContent) {
                RequestFacts done = current;
                current = null;
                ctx.channel().attr(RequestFacts.KEY).compareAndSet(done, null);
                count(done);
                promise = promise.unvoid();
                promise.addListener(f -> log(done, ctx.channel().remoteAddress()));
            }
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (current != null) {
            if (current.status() != 0) {
                count(current);
            }
            log(current, ctx.channel().remoteAddress());
            current = null;
        }
        ctx.fireChannelInactive();
    }

    private void count(RequestFacts f) {
        RequestMeters meters = f.meters();
        (meters != null ? meters : metrics.passthrough()).finished(f.status(), System.nanoTime() - f.startNanos());
    }

    private void log(RequestFacts f, SocketAddress remote) {
        InetAddress client = f.client() != null ? f.client()
                : remote instanceof InetSocketAddress a ? a.getAddress() : null;
        long total = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - f.startNanos());
        AccessLog.log(new AccessLog.AccessRecord(f.time(), client == null ? "-" : clientText.of(client), f.method(),
                f.path(), f.decision(), f.reasons(), f.status(), f.bytes(),
                TimeUnit.NANOSECONDS.toMillis(f.upstreamNanos()), total, f.protocol()));
    }

    private String redactedPath(String target) {
        String uri = RequestTarget.originForm(target);
        if (uri == null) {
            return "-";
        }
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String token = links.match(path, q < 0 ? null : uri.substring(q + 1));
        return token == null || token.isEmpty() ? path : path.replace(token, LinkId.redact(token));
    }
}
