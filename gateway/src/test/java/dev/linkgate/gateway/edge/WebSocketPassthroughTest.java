package dev.linkgate.gateway.edge;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.RawHttp;
import dev.linkgate.gateway.testing.RecordedPolicy;
import dev.linkgate.gateway.testing.ScriptedPolicy;
import dev.linkgate.gateway.testing.TestConfig;
import dev.linkgate.gateway.testing.WebSocketEcho;
import dev.linkgate.gateway.testing.WireMockUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WebSocket through linkgate to a WebSocket app, with the JDK's WebSocket client; other upgrades refused. */
class WebSocketPassthroughTest {
    @RegisterExtension
    static final WireMockExtension upstream = WireMockUpstream.perClass();
    private GatewayHarness gateway;
    private WebSocketEcho app;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private GatewayHarness start(URI upstreamUrl) {
        TestConfig config = TestConfig.defaults();
        config.responseTimeout = java.time.Duration.ofSeconds(15);
        config.upstream = upstreamUrl;
        gateway = GatewayHarness.start(config, ScriptedPolicy.standard());
        return gateway;
    }

    /** Collects text messages; the next one within a deadline. */
    private static final class Inbox implements WebSocket.Listener {
        final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        String next() throws InterruptedException {
            String m = messages.poll(10, TimeUnit.SECONDS);
            if (m == null) {
                throw new AssertionError("no WebSocket message within 10s");
            }
            return m;
        }
    }

    @Test
    void aWebSocketReachesTheAppAndBecomesATunnelBothWays() throws Exception {
        app = new WebSocketEcho();
        start(URI.create("http://127.0.0.1:" + app.port()));
        Inbox inbox = new Inbox();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + gateway.port() + "/ws"), inbox).get(10, TimeUnit.SECONDS);
        ws.sendText("hello", true).get(5, TimeUnit.SECONDS);
        assertEquals("echo: hello", inbox.next());
        // Larger than any socket buffer on the way: both relays must pace themselves, and lose nothing.
        String big = "x".repeat(1024 * 1024);
        ws.sendText(big, true).get(10, TimeUnit.SECONDS);
        assertEquals("echo: " + big, inbox.next());
        ws.sendText("again", true).get(5, TimeUnit.SECONDS);
        assertEquals("echo: again", inbox.next());
        CompletableFuture<WebSocket> closed = ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        closed.get(5, TimeUnit.SECONDS);
        assertEquals(1, app.handshakes.get());
        assertEquals(1, gateway.metric("linkgate_upgrades_total", "result=\"switched\""));
    }

    @Test
    void anUnknownUpgradeIsRefusedWithItsReason() throws Exception {
        start(URI.create(upstream.baseUrl()));
        try (RawHttp raw = gateway.raw()) {
            RawHttp.Response r = raw.send("GET /chat HTTP/1.1\r\nHost: app\r\nUpgrade: irc/6.9\r\n"
                    + "Connection: Upgrade\r\n\r\n").read();
            assertEquals(400, r.status());
            assertTrue(r.bodyText().contains("upgrade to \"irc/6.9\" is not supported"), r.bodyText());
        }
        assertEquals(1, gateway.metric("linkgate_upgrades_total", "result=\"refused\""));
        assertEquals(0, upstream.findAll(getRequestedFor(urlEqualTo("/chat"))).size());
    }

    @Test
    void anH2cUpgradeIsIgnoredAndTheRequestAnsweredOverHttp11() throws Exception {
        upstream.stubFor(get(urlEqualTo("/app")).willReturn(aResponse().withStatus(200).withBody("ok")));
        start(URI.create(upstream.baseUrl()));
        try (RawHttp raw = gateway.raw()) {
            RawHttp.Response r = raw.send("GET /app HTTP/1.1\r\nHost: app\r\nUpgrade: h2c\r\n"
                    + "Connection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n").read();
            assertEquals(200, r.status());
            assertEquals("ok", r.bodyText());
        }
        upstream.verify(getRequestedFor(urlEqualTo("/app")).withHeader("Upgrade", absent())
                .withHeader("HTTP2-Settings", absent()));
    }

    @Test
    void aLinkPathNeverUpgrades() throws Exception {
        upstream.stubFor(get(urlEqualTo("/sign/ws-token-0001")).willReturn(aResponse().withStatus(200).withBody("s")));
        start(URI.create(upstream.baseUrl()));
        try (RawHttp raw = gateway.raw()) {
            RawHttp.Response r = raw.send("GET /sign/ws-token-0001 HTTP/1.1\r\nHost: app\r\nUser-Agent: "
                    + GatewayHarness.CHROME + "\r\nSec-Fetch-Mode: navigate\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").read();
            assertEquals(200, r.status());
        }
        upstream.verify(getRequestedFor(urlEqualTo("/sign/ws-token-0001")).withHeader("Upgrade", absent()));
        assertEquals(0, gateway.metric("linkgate_upgrades_total"));
    }
}
