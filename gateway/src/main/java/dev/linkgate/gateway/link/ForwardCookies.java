package dev.linkgate.gateway.link;

import dev.linkgate.core.session.BrowserCookies;
import dev.linkgate.core.session.CookieHeader;
import dev.linkgate.gateway.http.RequestFacts;
import dev.linkgate.gateway.proxy.ForwardHeaders;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.ssl.SslHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * The cookies a forwarded request carries: never linkgate's own browser cookie (it is linkgate's, not the
 * app's), and on a link's first click or a continue not the app's session cookies either, so that each link
 * starts a clean session in the app. Everything else passes byte for byte.
 */
final class ForwardCookies {
    private ForwardCookies() {
    }

    /**
     * Removes linkgate's cookie ({@code cookies} null: resume is off, nothing of linkgate's to remove): every
     * forwarded request. A cheap test first: most requests do not carry it.
     */
    static void removeOwn(HttpHeaders headers, BrowserCookies cookies) {
        if (cookies == null) {
            return;
        }
        List<String> browserCookieNames = cookies.nameList();
        String header = headers.get(HttpHeaderNames.COOKIE);
        if (header != null && CookieHeader.mentions(header, browserCookieNames)) {
            set(headers, CookieHeader.without(header, browserCookieNames, new ArrayList<>(1)));
        }
    }

    /** Removes linkgate's cookie and the app's {@code sessionCookies}; returns the session cookie names removed. */
    static List<String> removeForNewSession(HttpHeaders headers, BrowserCookies cookies, List<String> sessionCookies) {
        removeOwn(headers, cookies);
        String header = headers.get(HttpHeaderNames.COOKIE);
        if (header == null || sessionCookies.isEmpty()) {
            return List.of();
        }
        List<String> removed = new ArrayList<>(sessionCookies.size());
        set(headers, CookieHeader.without(header, sessionCookies, removed));
        return removed;
    }

    private static void set(HttpHeaders headers, String cookie) {
        if (cookie == null) {
            headers.remove(HttpHeaderNames.COOKIE);
        } else {
            headers.set(HttpHeaderNames.COOKIE, cookie);
        }
    }

    /**
     * The browser reached us over HTTPS: TLS on this connection, or {@code X-Forwarded-Proto: https} from a
     * proxy we trust (from anyone else that header proves nothing). Decides {@code Secure} and {@code __Host-}.
     */
    static boolean https(ChannelHandlerContext ctx, HttpRequest request) {
        if (ctx.pipeline().get(SslHandler.class) != null) {
            return true;
        }
        RequestFacts facts = RequestFacts.of(ctx.channel());
        if (facts == null || !facts.peerTrusted()) {
            return false;
        }
        String proto = request.headers().get(ForwardHeaders.X_FORWARDED_PROTO);
        if (proto == null) {
            return false;
        }
        int comma = proto.indexOf(',');
        // The first value is the proxy nearest the browser.
        return (comma < 0 ? proto : proto.substring(0, comma)).strip().equalsIgnoreCase("https");
    }
}
