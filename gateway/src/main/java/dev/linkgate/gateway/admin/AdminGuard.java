package dev.linkgate.gateway.admin;

import dev.linkgate.core.config.AdminToken;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code admin.token}: the admin port's first step. Protected are the link history ({@code /links...}) and
 * every admin write (any method but GET and HEAD, such as {@code POST /reload}); /metrics, /healthz and
 * /readyz never ask. Without a configured token everything is open, as the admin port always was (it listens
 * on loopback by default); with one, a protected request needs {@code Authorization: Bearer <token>},
 * compared in constant time, or it gets 401 and nothing behind this step sees it.
 */
@ChannelHandler.Sharable
public final class AdminGuard extends ChannelInboundHandlerAdapter {
    public static final AdminGuard OPEN = new AdminGuard((AdminToken) null);
    private static final String BEARER = "bearer ";

    private final Supplier<AdminToken> token;

    public AdminGuard(AdminToken token) {
        this(() -> token);
    }

    /** @param token read for every request, so that a reload that rotates {@code admin.token} takes effect at once */
    public AdminGuard(Supplier<AdminToken> token) {
        this.token = token;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && isProtected(request) && !permits(request)) {
            ReferenceCountUtil.release(msg);
            deny(ctx);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** The link history, and every write. */
    static boolean isProtected(HttpRequest request) {
        String uri = request.uri();
        boolean links = uri.equals("/links") || uri.startsWith("/links/") || uri.startsWith("/links?");
        boolean read = HttpMethod.GET.equals(request.method()) || HttpMethod.HEAD.equals(request.method());
        return links || !read;
    }

    /** True when the request carries the token (or none is configured). */
    public boolean permits(HttpRequest request) {
        AdminToken token = this.token.get();
        if (token == null) {
            return true;
        }
        String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return token.matches(header.substring(BEARER.length()).strip());
    }

    /** Answers 401 with the challenge and closes (a client without the token has nothing more to ask). */
    private static void deny(ChannelHandlerContext ctx) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.UNAUTHORIZED,
                Unpooled.copiedBuffer("admin token required\n", StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"linkgate-admin\"")
                .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes())
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }
}
