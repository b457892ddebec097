package dev.linkgate.gateway.history;

import dev.linkgate.core.history.LinkHistory;
import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.request.LinkRoutes;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * The admin port's {@code GET /links/{token}} and {@code GET /links?url=<the whole link>}: a link's story for
 * support, behind {@code AdminGuard} (placed before it on the admin port). Every other path goes on to the next handler. The token in the path is
 * taken as written in the link (as the link routes read a path token); the url's token is found by the
 * configured link routes, exactly as a click's.
 */
@ChannelHandler.Sharable
public final class LinkHistoryRoutes extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(LinkHistoryRoutes.class);
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final String PLAIN = "text/plain; charset=utf-8";

    private final LinkHistory history;
    private final LinkRoutes routes;

    public LinkHistoryRoutes(LinkHistory history, LinkRoutes routes) {
        this.history = history;
        this.routes = routes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request) || !isLinksPath(request.uri())) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            handle(ctx, request);
        } finally {
            ReferenceCountUtil.release(request);
        }
    }

    private static boolean isLinksPath(String uri) {
        return uri.equals("/links") || uri.startsWith("/links/") || uri.startsWith("/links?");
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST, PLAIN, "bad request\n");
            return;
        }
        if (!HttpMethod.GET.equals(request.method())) {
            respond(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, PLAIN, "method not allowed\n");
            return;
        }
        String token = token(request.uri());
        if (token == null) {
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST, PLAIN,
                    "ask for /links/{token} or /links?url=<the whole link, as in the email>\n");
            return;
        }
        if (!history.enabled()) {
            respond(ctx, request, HttpResponseStatus.NOT_FOUND, PLAIN, "link history is off (store.history-events: 0)\n");
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpVersion version = request.protocolVersion();
        history.story(LinkId.of(token)).whenComplete((story, error) -> ctx.executor().execute(() -> {
            if (error != null) {
                LOG.warn("link history unavailable: {}", error.toString());
                respond(ctx, version, keepAlive, HttpResponseStatus.SERVICE_UNAVAILABLE, PLAIN,
                        "link history unavailable\n");
            } else if (story.isEmpty()) {
                respond(ctx, version, keepAlive, HttpResponseStatus.NOT_FOUND, PLAIN, "no history for this link\n");
            } else {
                respond(ctx, version, keepAlive, HttpResponseStatus.OK, JSON_TYPE, StoryJson.of(token, story.get()));
            }
        }));
    }

    /** The link token the request names, or null when it names none. */
    String token(String uri) {
        if (uri.startsWith("/links/")) {
            String rest = uri.substring("/links/".length());
            int end = rest.indexOf('?');
            String token = end < 0 ? rest : rest.substring(0, end);
            return token.isEmpty() || token.indexOf('/') >= 0 ? null : token;
        }
        int q = uri.indexOf('?');
        String query = q < 0 ? "" : uri.substring(q + 1);
        if (!query.startsWith("url=")) {
            return null;
        }
        // The rest of the query is the link, encoded or not: a link's own '&' must not end it.
        String link = QueryStringDecoder.decodeComponent(query.substring(4), StandardCharsets.UTF_8);
        try {
            URI parsed = new URI(link);
            String path = parsed.getRawPath();
            return path == null ? null : routes.match(path, parsed.getRawQuery());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
                                String type, String body) {
        respond(ctx, request.protocolVersion(), HttpUtil.isKeepAlive(request), status, type, body);
    }

    private static void respond(ChannelHandlerContext ctx, HttpVersion version, boolean keepAlive,
                                HttpResponseStatus status, String type, String body) {
        FullHttpResponse r = new DefaultFullHttpResponse(version, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, type)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes())
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        if (status == HttpResponseStatus.METHOD_NOT_ALLOWED) {
            r.headers().set(HttpHeaderNames.ALLOW, "GET");
        }
        HttpUtil.setKeepAlive(r, keepAlive);
        ctx.writeAndFlush(r).addListener(f -> {
            if (!keepAlive) {
                ctx.close();
            }
        });
    }
}
