package dev.linkgate.gateway.http;

import dev.linkgate.gateway.page.InterstitialPage;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Responses linkgate answers itself: short protocol errors and the pages. */
public final class LocalResponses {
    private LocalResponses() {
    }

    /** A short text/plain response ("431 Request Header Fields Too Large"). */
    public static FullHttpResponse plain(HttpResponseStatus status) {
        byte[] body = (status.code() + " " + status.reasonPhrase() + "\n").getBytes(StandardCharsets.US_ASCII);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        return r;
    }

    /** Answers and closes the connection: for requests whose framing can no longer be trusted. */
    public static void sendAndClose(ChannelHandlerContext ctx, HttpResponseStatus status) {
        FullHttpResponse r = plain(status);
        r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }

    /** A problem page in the request's language; a HEAD gets its head only. */
    public static FullHttpResponse problem(InterstitialPage pages, Request request, InterstitialPage.Problem problem) {
        String nonce = InterstitialPage.newNonce();
        return page(pages.problemPage(problem, request.head().header("Accept-Language"), nonce), nonce,
                request.isHead());
    }

    /** The headers every page response carries (CSP with this nonce, no-store, no-referrer, ...). */
    public static void securityHeaders(FullHttpResponse r, String cspNonce) {
        for (Map.Entry<String, String> h : InterstitialPage.securityHeaders(cspNonce)) {
            r.headers().set(h.getKey(), h.getValue());
        }
    }

    /** A rendered page with the security headers every page carries; HEAD gets the headers only. */
    public static FullHttpResponse page(InterstitialPage.Page page, String cspNonce, boolean head) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(page.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(page.html()));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, InterstitialPage.CONTENT_TYPE);
        securityHeaders(r, cspNonce);
        if (page.contentLanguage() != null) {
            r.headers().set(HttpHeaderNames.CONTENT_LANGUAGE, page.contentLanguage());
        }
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, page.html().length);
        return r;
    }
}
