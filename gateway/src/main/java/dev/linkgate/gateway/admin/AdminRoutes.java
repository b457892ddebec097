package dev.linkgate.gateway.admin;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Answers the admin paths. Shared by every admin connection: it keeps no per-connection state.
 * {@code POST /reload} re-reads the config (see ConfigReload): 200 with the log line when applied, 422 with the
 * error when the file did not load (the previous config keeps running).
 */
@ChannelHandler.Sharable
final class AdminRoutes extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);
    static final String TEXT_004 = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    private static final String PLAIN = "text/plain; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final BooleanSupplier ready;
    private final Supplier<CompletionStage<ReloadAnswer>> reload;

    /** @param reload runs a reload off the admin loop; null when this process cannot reload (404) */
    AdminRoutes(PrometheusMeterRegistry registry, BooleanSupplier ready, Supplier<CompletionStage<ReloadAnswer>> reload) {
        this.registry = registry;
        this.ready = ready;
        this.reload = reload;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST, PLAIN, "bad request\n", false);
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        if (path.equals("/reload") && reload != null) {
            reload(ctx, request);
            return;
        }
        boolean known = path.equals("/metrics") || path.equals("/healthz") || path.equals("/readyz");
        if (!known) {
            respond(ctx, request, HttpResponseStatus.NOT_FOUND, PLAIN, "not found\n", true);
            return;
        }
        if (!HttpMethod.GET.equals(request.method())) {
            respond(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, PLAIN, "method not allowed\n", true);
            return;
        }
        switch (path) {
            case "/metrics" -> {
                // OpenMetrics only for a scraper that asks for it; everything else gets the 0.0.4 text format.
                String accept = request.headers().get(HttpHeaderNames.ACCEPT, "");
                String type = accept.contains("application/openmetrics-text") ? OPENMETRICS : TEXT_004;
                respond(ctx, request, HttpResponseStatus.OK, type, registry.scrape(type), true);
            }
            case "/healthz" -> respond(ctx, request, HttpResponseStatus.OK, PLAIN, "ok\n", true);
            default -> {
                boolean isReady = ready.getAsBoolean();
                respond(ctx, request, isReady ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, PLAIN,
                        isReady ? "ready\n" : "not ready\n", true);
            }
        }
    }

    private void reload(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!HttpMethod.POST.equals(request.method())) {
            respond(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, PLAIN, "method not allowed\n", true, "POST");
            return;
        }
        // The answer is written after the reload, from the admin loop; the request is released by then.
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        reload.get().whenComplete((answer, error) -> ctx.executor().execute(() -> {
            HttpResponseStatus status = error != null ? HttpResponseStatus.INTERNAL_SERVER_ERROR
                    : answer.applied() ? HttpResponseStatus.OK : HttpResponseStatus.UNPROCESSABLE_ENTITY;
            String body = (error != null ? "reload failed: " + error : answer.line()) + "\n";
            respond(ctx, keepAlive, status, PLAIN, body, "POST");
        }));
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
                                String contentType, String body, boolean keepAlive) {
        respond(ctx, keepAlive && HttpUtil.isKeepAlive(request), status, contentType, body, "GET");
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
                                String contentType, String body, boolean keepAlive, String allow) {
        respond(ctx, keepAlive && HttpUtil.isKeepAlive(request), status, contentType, body, allow);
    }

    private static void respond(ChannelHandlerContext ctx, boolean keep, HttpResponseStatus status,
                                String contentType, String body, String allow) {
        ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes())
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        if (status == HttpResponseStatus.METHOD_NOT_ALLOWED) {
            response.headers().set(HttpHeaderNames.ALLOW, allow);
        }
        HttpUtil.setKeepAlive(response, keep);
        if (keep) {
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("admin connection failed", cause);
        ctx.close();
    }
}
