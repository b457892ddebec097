package dev.linkgate.gateway.session;

import dev.linkgate.core.policy.ClickPolicy;
import dev.linkgate.core.testing.MutableClock;
import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.Policies;
import dev.linkgate.gateway.testing.RawUpstream;
import dev.linkgate.gateway.testing.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.linkgate.gateway.session.BrowserVisits.browserCookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first click's response reaches an HTTP/1.1 browser as the app's bytes (no decoding into objects on the
 * way), with linkgate's cookie added; the copy kept for the same browser's return is the app's response with
 * its framing taken off, whatever the framing was: chunked with extensions and trailers, or ended by the close.
 * The app is on raw sockets so that each framing is exactly what is written here, and it answers each link
 * once: a second request to the app would get 410.
 */
class RelayedFirstClickTest {
    private final MutableClock clock = new MutableClock(Instant.now());
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private RawUpstream app;
    private GatewayHarness gateway;

    @AfterEach
    void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private void start() throws IOException {
        app = new RawUpstream(this::serve);
        TestConfig c = TestConfig.defaults();
        c.upstream = app.uri();
        c.doubleClickWindow = Duration.ofSeconds(2);
        c.sessionCookies = List.of("sid");
        ClickPolicy policy = Policies.real(c.build(), clock);
        gateway = GatewayHarness.start(c, policy, clock);
    }

    /** {@code /sign/chunked-*}: chunked; {@code /sign/close-*}: ended by the close; once per link, then 410. */
    private boolean serve(RawUpstream.Exchange e) throws IOException {
        String target = e.request().requestLine().split(" ")[1];
        if (asked.computeIfAbsent(target, t -> new AtomicInteger()).incrementAndGet() > 1) {
            e.write("HTTP/1.1 410 Gone\r\nContent-Length: 4\r\n\r\nused");
            return true;
        }
        if (target.startsWith("/sign/chunked-")) {
            e.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nSet-Cookie: sid=alice; Path=/; HttpOnly\r\n"
                    + "Connection: X-Internal\r\nX-Internal: secret\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "7;part=\"one\"\r\n<h1>Doc\r\n00000a\r\nument</h1>\r\n0\r\nX-Checksum: 1\r\n\r\n");
            return true;
        }
        e.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nSet-Cookie: sid=bob; Path=/; HttpOnly\r\n"
                + "Connection: close\r\n\r\n<h1>Contract</h1>");
        return false;
    }

    private HttpResponse<String> open(String path, String cookie) throws Exception {
        return BrowserVisits.open(gateway, path, cookie);
    }

    @Test
    void aChunkedFirstResponseReachesTheBrowserAndItsReturnUnchanged() throws Exception {
        start();
        HttpResponse<String> first = open("/sign/chunked-1", null);

        assertEquals(200, first.statusCode());
        assertEquals("<h1>Document</h1>", first.body());
        List<String> cookies = first.headers().allValues("Set-Cookie");
        assertEquals(2, cookies.size(), "the app's and linkgate's: " + cookies);
        assertEquals("sid=alice; Path=/; HttpOnly", cookies.get(0));
        assertTrue(cookies.get(1).startsWith("linkgate-browser="), cookies.get(1));
        assertFalse(first.headers().firstValue("X-Internal").isPresent(), "named by Connection: hop-by-hop");

        clock.advance(Duration.ofMinutes(4));
        HttpResponse<String> again = open("/sign/chunked-1", browserCookie(first));

        assertEquals(200, again.statusCode(), "not the app's 410");
        assertEquals("<h1>Document</h1>", again.body(), "the copy holds the data without its chunk framing");
        assertEquals(List.of("sid=alice; Path=/; HttpOnly"), again.headers().allValues("Set-Cookie"));
        assertEquals("text/html", again.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("17", again.headers().firstValue("Content-Length").orElseThrow());
        assertFalse(again.headers().firstValue("X-Internal").isPresent());
        assertFalse(again.headers().firstValue("Transfer-Encoding").isPresent());
        assertEquals(1, asked.get("/sign/chunked-1").get(), "the app was asked once");
    }

    @Test
    void aFirstResponseEndedByTheCloseIsChunkedForTheBrowserAndKeptWhole() throws Exception {
        start();
        HttpResponse<String> first = open("/sign/close-1", null);

        assertEquals(200, first.statusCode());
        assertEquals("<h1>Contract</h1>", first.body());
        assertEquals("chunked", first.headers().firstValue("Transfer-Encoding").orElseThrow(),
                "the browser's connection can stay open");

        clock.advance(Duration.ofMinutes(4));
        HttpResponse<String> again = open("/sign/close-1", browserCookie(first));

        assertEquals(200, again.statusCode());
        assertEquals("<h1>Contract</h1>", again.body());
        assertEquals(List.of("sid=bob; Path=/; HttpOnly"), again.headers().allValues("Set-Cookie"));
        assertEquals(1, asked.get("/sign/close-1").get());
    }
}
