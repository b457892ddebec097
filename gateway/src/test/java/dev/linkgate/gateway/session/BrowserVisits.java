package dev.linkgate.gateway.session;

import dev.linkgate.gateway.testing.GatewayHarness;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A browser opening links through the gateway and sending back linkgate's cookie, as the session tests do. */
final class BrowserVisits {
    private BrowserVisits() {
    }

    /** A browser's navigation to {@code path}, with {@code cookie} (a Cookie header value) when not null. */
    static HttpResponse<String> open(GatewayHarness gateway, String path, String cookie) throws Exception {
        HttpRequest.Builder b = gateway.browserGet(path);
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return gateway.send(b.build());
    }

    /** linkgate's browser cookie as the browser sends it back, from a Set-Cookie. */
    static String browserCookie(HttpResponse<String> r) {
        String set = r.headers().allValues("Set-Cookie").stream().filter(v -> v.contains("linkgate-browser="))
                .findFirst().orElseThrow(() -> new AssertionError("no linkgate cookie in " + r.headers().map()));
        return set.substring(0, set.indexOf(';'));
    }
}
