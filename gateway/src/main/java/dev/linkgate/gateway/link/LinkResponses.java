package dev.linkgate.gateway.link;

import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.core.policy.Interstitial;
import dev.linkgate.gateway.http.LocalResponses;
import dev.linkgate.gateway.page.InterstitialPage;
import dev.linkgate.gateway.page.InterstitialPage.Problem;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import dev.linkgate.gateway.http.Request;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Every response the link flow answers itself, built in one place: the Continue page, a problem page, a copy
 * of the app's first response (a double click, a resume), a plain status. A HEAD gets the same head and no body.
 */
final class LinkResponses {
    private LinkResponses() {
    }

    /** The Continue page; a HEAD gets its security headers only, so no token is minted for it. */
    static FullHttpResponse continuePage(InterstitialPage pages, Request request, Supplier<Interstitial> interstitial) {
        String nonce = InterstitialPage.newNonce();
        if (isHead(request)) {
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.EMPTY_BUFFER);
            LocalResponses.securityHeaders(r, nonce);
            r.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
            return r;
        }
        InterstitialPage.Page page = pages.continuePage(interstitial.get(), acceptLanguage(request), nonce);
        return LocalResponses.page(page, nonce, false);
    }

    /** The app's first response again, as it was (framing headers are the copy's own). */
    static FullHttpResponse replay(Request request, SharedResponse copy) {
        byte[] body = copy.body();
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(copy.status()),
                isHead(request) ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        for (Map.Entry<String, String> h : copy.headers()) {
            r.headers().add(h.getKey(), h.getValue());
        }
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return r;
    }

    static FullHttpResponse plain(HttpResponseStatus status) {
        return LocalResponses.plain(status);
    }

    private static boolean isHead(Request request) {
        return request.isHead();
    }

    private static String acceptLanguage(Request request) {
        return request.head().header("Accept-Language");
    }
}
