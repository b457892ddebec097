package dev.linkgate.gateway.admin;

import dev.linkgate.core.config.AdminToken;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;

/**
 * {@code admin.token}: the check every protected admin path makes (link history, and admin writes such as a
 * reload). Without a configured token everything is open, as the admin port always was (it listens on
 * loopback by default); with one, the request needs {@code Authorization: Bearer <token>}, compared in
 * constant time. /metrics, /healthz and /readyz never ask.
 */
public final class AdminGuard {
    public static final AdminGuard OPEN = new AdminGuard(null);
    private static final String BEARER = "bearer ";

    private final AdminToken token;

    public AdminGuard(AdminToken token) {
        this.token = token;
    }

    /** True when the request may use a protected path. */
    public boolean permits(HttpRequest request) {
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
    public static void deny(ChannelHandlerContext ctx) {
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
