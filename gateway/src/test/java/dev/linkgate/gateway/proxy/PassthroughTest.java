package dev.linkgate.gateway.proxy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.linkgate.gateway.testing.WireMockUpstream;
import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.RawHttp;
import dev.linkgate.gateway.testing.RawUpstream;
import dev.linkgate.gateway.testing.RecordedPolicy;
import dev.linkgate.gateway.testing.ScriptedPolicy;
import dev.linkgate.gateway.testing.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Everything that is not a link click: HTTP as a proxy must speak it, through a real gateway. */
class PassthroughTest {
    @RegisterExtension
    static final WireMockExtension upstream = WireMockUpstream.perClass();
    private RecordedPolicy decider;
    private GatewayHarness gateway;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
        decider = ScriptedPolicy.standard();
    }

    @AfterEach
    void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private GatewayHarness start(TestConfig config) {
        if (config.upstream.getPort() == 1) {
            config.upstream = URI.create(upstream.baseUrl());
        }
        gateway = GatewayHarness.start(config, decider);
        return gateway;
    }

    private GatewayHarness start() {
        return start(TestConfig.defaults());
    }

    /** The default gateway in front of a raw-socket upstream instead of WireMock. */
    private GatewayHarness start(RawUpstream raw) {
        TestConfig c = TestConfig.defaults();
        c.upstream = raw.uri();
        return start(c);
    }

    @Test
    void theUpstreamsResponsePassesThroughUnchanged() throws Exception {
        upstream.stubFor(get(urlEqualTo("/api/teapot?x=1")).willReturn(aResponse().withStatus(418)
                .withHeader("X-Custom", "a", "b").withHeader("Set-Cookie", "k=v").withBody("short and stout")));

        HttpResponse<String> r = start().send(gateway.browserGet("/api/teapot?x=1").build());

        assertEquals(418, r.statusCode());
        assertEquals("short and stout", r.body());
        assertEquals(List.of("a", "b"), r.headers().allValues("X-Custom"));
        assertEquals(List.of("k=v"), r.headers().allValues("Set-Cookie"));
        assertTrue(decider.requests.isEmpty(), "not a link: the policy is not asked");
    }

    @Test
    void withoutPreserveHostTheUpstreamGetsItsOwnAuthorityAsHost() throws Exception {
        upstream.stubFor(get(urlEqualTo("/h")).willReturn(aResponse().withBody("ok")));
        TestConfig c = TestConfig.defaults();
        c.preserveHost = false;

        start(c).send(gateway.browserGet("/h").build());

        String authority = URI.create(upstream.baseUrl()).getAuthority();
        upstream.verify(getRequestedFor(urlEqualTo("/h")).withHeader("Host", equalTo(authority))
                .withHeader("X-Forwarded-Host", equalTo("127.0.0.1:" + gateway.port())));
    }

    @Test
    void hopByHopHeadersAreRemovedInBothDirections() throws Exception {
        try (RawUpstream raw = new RawUpstream(x -> {
            x.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: X-Resp-Hop\r\nX-Resp-Hop: 1\r\n"
                    + "Keep-Alive: timeout=5\r\nProxy-Authenticate: Basic\r\nUpgrade: foo\r\nTrailer: X-Sum\r\n"
                    + "X-End: kept\r\n\r\nok");
            return true;
        })) {
            start(raw);
            try (RawHttp client = gateway.raw()) {
                RawHttp.Response r = client.send("GET /hop HTTP/1.1\r\nHost: app.example\r\n"
                        + "Connection: keep-alive, X-Hop\r\nX-Hop: secret\r\nKeep-Alive: 300\r\n"
                        + "Proxy-Connection: keep-alive\r\nTE: trailers\r\nUpgrade: h2c\r\n"
                        + "Proxy-Authorization: Basic Zm9vOmJhcg==\r\nX-End: kept\r\n\r\n").read();

                assertEquals(200, r.status());
                assertEquals("ok", r.bodyText());
                assertEquals("kept", r.header("X-End"));
                for (String hop : List.of("X-Resp-Hop", "Keep-Alive", "Proxy-Authenticate", "Upgrade", "Trailer")) {
                    assertNull(r.header(hop), hop);
                }
            }
            RawUpstream.Request seen = raw.requests.get(0);
            assertEquals("kept", seen.header("X-End"));
            assertEquals("app.example", seen.header("Host"));
            assertEquals("app.example", seen.header("X-Forwarded-Host"));
            assertEquals("http", seen.header("X-Forwarded-Proto"));
            for (String hop : List.of("Connection", "X-Hop", "Keep-Alive", "Proxy-Connection", "TE", "Upgrade",
                    "Proxy-Authorization")) {
                assertNull(seen.header(hop), hop);
            }
        }
    }

    @Test
    void aRawNonAsciiTargetAndHeaderReachTheUpstreamByteForByte() throws Exception {
        try (RawUpstream raw = new RawUpstream(x -> {
            x.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            return true;
        })) {
            start(raw);
            try (RawHttp client = gateway.raw()) {
                // UTF-8 sent raw, as some non-browser clients do: café, €, Jörg.
                byte[] request = "GET /caf\u00c3\u00a9?q=\u00e2\u0082\u00ac HTTP/1.1\r\nHost: app\r\nX-Name: J\u00c3\u00b6rg\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                assertEquals(200, client.send(request).read().status());
            }
            RawUpstream.Request seen = raw.requests.get(0);
            assertEquals("GET /caf\u00c3\u00a9?q=\u00e2\u0082\u00ac HTTP/1.1", seen.requestLine(),
                    "the bytes as sent, not UTF-8-encoded a second time");
            assertEquals("J\u00c3\u00b6rg", seen.header("X-Name"));
        }
    }

    @Test
    void aHeadResponsesContentLengthIsNotReadAsABodyAndTheConnectionsServeOn() throws Exception {
        try (RawUpstream raw = new RawUpstream(x -> {
            boolean head = x.request().requestLine().startsWith("HEAD ");
            x.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n" + (head ? "" : "hello"));
            return true;
        })) {
            start(raw);
            try (RawHttp client = gateway.raw()) {
                RawHttp.Response head = client.send("HEAD /doc HTTP/1.1\r\nHost: app\r\n\r\n").read(true);
                assertEquals(200, head.status());
                assertEquals("5", head.header("Content-Length"));
                assertEquals(0, head.body().length);
                RawHttp.Response get = client.send("GET /doc HTTP/1.1\r\nHost: app\r\n\r\n").read();
                assertEquals("hello", get.bodyText());
            }
            assertEquals(1, raw.connections.get(), "one upstream connection served both");
            assertEquals(2, raw.requests.size());
        }
    }

    @Test
    void behindATrustedProxyForwardedForIsAppendedAndTheClientIsTheRightmostUntrustedHop() throws Exception {
        upstream.stubFor(get(urlPathMatching("/sign/.*")).willReturn(aResponse().withBody("app")));

        start().send(gateway.browserGet("/sign/tok-xff").header("X-Forwarded-For", "192.0.2.1, 203.0.113.9")
                .header("X-Forwarded-Proto", "https").build());

        assertEquals("203.0.113.9", decider.requests.get(0).client().getHostAddress());
        upstream.verify(getRequestedFor(urlEqualTo("/sign/tok-xff"))
                .withHeader("X-Forwarded-For", equalTo("192.0.2.1, 203.0.113.9, 127.0.0.1"))
                .withHeader("X-Forwarded-Proto", equalTo("https")));
    }

    @Test
    void aForgedForwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
        upstream.stubFor(get(urlPathMatching("/sign/.*")).willReturn(aResponse().withBody("app")));
        TestConfig c = TestConfig.defaults();
        c.trustedProxies = List.of("10.0.0.0/8");

        start(c).send(gateway.browserGet("/sign/tok-forged").header("X-Forwarded-For", "203.0.113.9")
                .header("X-Forwarded-Proto", "https").build());

        assertEquals("127.0.0.1", decider.requests.get(0).client().getHostAddress());
        upstream.verify(getRequestedFor(urlEqualTo("/sign/tok-forged"))
                .withHeader("X-Forwarded-For", equalTo("127.0.0.1"))
                .withHeader("X-Forwarded-Proto", equalTo("http")));
    }

    @Test
    void theProxyProtocolSourceIsThePeer() throws Exception {
        upstream.stubFor(get(urlPathMatching("/sign/.*")).willReturn(aResponse().withBody("app")));
        TestConfig c = TestConfig.defaults();
        c.proxyProtocol = true;
        c.trustedProxies = List.of();
        start(c);

        try (RawHttp client = gateway.raw()) {
            RawHttp.Response r = client.send("PROXY TCP4 198.51.100.7 127.0.0.1 55555 80\r\n"
                    + "GET /sign/tok-pp HTTP/1.1\r\nHost: a\r\nUser-Agent: " + GatewayHarness.CHROME + "\r\n"
                    + "Accept: text/html\r\nAccept-Language: en\r\nSec-Fetch-Mode: navigate\r\n"
                    + "Sec-Fetch-Dest: document\r\n\r\n").read();
            assertEquals(200, r.status());
        }
        assertEquals("198.51.100.7", decider.requests.get(0).client().getHostAddress());
        upstream.verify(getRequestedFor(urlEqualTo("/sign/tok-pp")).withHeader("X-Forwarded-For", equalTo("198.51.100.7")));
    }

    @Test
    void contentLengthWithTransferEncodingIs400AndTheConnectionCloses() throws Exception {
        try (RawHttp client = start().raw()) {
            RawHttp.Response r = client.send("POST /api HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n4\r\nbody\r\n0\r\n\r\n").read();
            assertEquals(400, r.status());
            assertTrue(client.closedByServer());
        }
        upstream.verify(0, postRequestedFor(urlEqualTo("/api")));
    }

    @Test
    void oversizedHeadersAre431() throws Exception {
        try (RawHttp client = start().raw()) {
            RawHttp.Response r = client.send("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + "x".repeat(17 * 1024)
                    + "\r\n\r\n").read();
            assertEquals(431, r.status());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void anOverlongRequestLineIs414() throws Exception {
        try (RawHttp client = start().raw()) {
            RawHttp.Response r = client.send("GET /" + "a".repeat(9 * 1024) + " HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertEquals(414, r.status());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void expect100ContinueGetsContinueBeforeTheBodyIsSent() throws Exception {
        upstream.stubFor(post(urlEqualTo("/upload")).willReturn(aResponse().withBody("stored")));
        try (RawHttp client = start().raw()) {
            client.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertEquals(100, client.read().status());
            RawHttp.Response r = client.send("hello").read();
            assertEquals(200, r.status());
            assertEquals("stored", r.bodyText());
        }
        upstream.verify(postRequestedFor(urlEqualTo("/upload")).withRequestBody(equalTo("hello")));
    }

    @Test
    void anUnsupportedExpectationIs417() throws Exception {
        try (RawHttp client = start().raw()) {
            RawHttp.Response r = client.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n"
                    + "Expect: teapot\r\n\r\n").read();
            assertEquals(417, r.status());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void theAnswersLinkgateGivesItselfPassTheAccessLogAndAreCountedOnceUnderTheirStatus() throws Exception {
        upstream.stubFor(post(urlEqualTo("/upload")).willReturn(aResponse().withBody("stored")));
        start();
        try (RawHttp client = gateway.raw()) {
            assertEquals(400, client.send("POST /api HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n4\r\nbody\r\n0\r\n\r\n").read().status());
        }
        try (RawHttp client = gateway.raw()) {
            assertEquals(417, client.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n"
                    + "Expect: teapot\r\n\r\n").read().status());
        }
        try (RawHttp client = gateway.raw()) {
            client.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertEquals(100, client.read().status());
            assertEquals(200, client.send("hello").read().status());
        }
        assertEquals(1, gateway.metric("linkgate_requests_total", "code=\"400\""));
        assertEquals(1, gateway.metric("linkgate_requests_total", "code=\"417\""));
        assertEquals(1, gateway.metric("linkgate_requests_total", "code=\"200\""), "the 100 is not the answer");
        assertEquals(3, gateway.metric("linkgate_requests_total"));
    }

    @Test
    void anHttp10ClientGetsNoChunksButABodyEndedByTheClose() throws Exception {
        try (RawUpstream raw = new RawUpstream(x -> {
            x.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
            return true;
        })) {
            start(raw);
            try (RawHttp client = gateway.raw()) {
                RawHttp.Response r = client.send("GET /old HTTP/1.0\r\n\r\n").read();
                assertEquals(200, r.status());
                assertNull(r.header("Transfer-Encoding"));
                assertEquals("hello world", r.bodyText(), "read up to the close");
            }
        }
    }

    @Test
    void anHttp10ClientAskingForKeepAliveKeepsItsConnection() throws Exception {
        try (RawUpstream raw = new RawUpstream(x -> {
            x.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi");
            return true;
        })) {
            start(raw);
            try (RawHttp client = gateway.raw()) {
                for (int i = 0; i < 2; i++) {
                    RawHttp.Response r = client.send("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
                    assertEquals(200, r.status());
                    assertEquals("keep-alive", r.header("Connection"));
                    assertEquals("hi", r.bodyText());
                }
            }
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        upstream.stubFor(get(urlEqualTo("/p/1")).willReturn(aResponse().withFixedDelay(300).withBody("one")));
        upstream.stubFor(get(urlEqualTo("/p/2")).willReturn(aResponse().withBody("two")));
        upstream.stubFor(get(urlEqualTo("/p/3")).willReturn(aResponse().withFixedDelay(50).withBody("three")));
        try (RawHttp client = start().raw()) {
            client.send("GET /p/1 HTTP/1.1\r\nHost: a\r\n\r\nGET /p/2 HTTP/1.1\r\nHost: a\r\n\r\n"
                    + "GET /p/3 HTTP/1.1\r\nHost: a\r\n\r\n");
            assertEquals("one", client.read().bodyText());
            assertEquals("two", client.read().bodyText());
            assertEquals("three", client.read().bodyText());
        }
    }

    @Test
    void headersNotCompleteWithinTheHeaderTimeoutGet408() throws Exception {
        TestConfig c = TestConfig.defaults();
        c.headerTimeout = Duration.ofMillis(300);
        try (RawHttp client = start(c).raw()) {
            RawHttp.Response r = client.send("GET / HTTP/1.1\r\nHost: a\r\n").read();
            assertEquals(408, r.status());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        upstream.stubFor(get(urlEqualTo("/ping")).willReturn(aResponse().withBody("pong")));
        TestConfig c = TestConfig.defaults();
        c.idleTimeout = Duration.ofMillis(300);
        try (RawHttp client = start(c).raw()) {
            assertEquals("pong", client.send("GET /ping HTTP/1.1\r\nHost: a\r\n\r\n").read().bodyText());
            assertTrue(client.closedByServer());
        }
    }
}
