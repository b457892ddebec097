package dev.linkgate.gateway.edge;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.linkgate.core.config.EdgeConfig;
import dev.linkgate.core.config.UpstreamTls;
import dev.linkgate.gateway.http2.Http2Server;
import dev.linkgate.gateway.testing.Curl;
import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.RawHttp2;
import dev.linkgate.gateway.testing.RawHttp2.Frame;
import dev.linkgate.gateway.testing.RecordedPolicy;
import dev.linkgate.gateway.testing.ScriptedPolicy;
import dev.linkgate.gateway.testing.TestConfig;
import dev.linkgate.gateway.testing.WireMockUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cleartext HTTP/2 (listen.h2c) and the limits every HTTP/2 listener has: curl with prior knowledge and
 * HTTP/1.1 on one port; rapid reset, forbidden headers, content-length mismatch and oversized headers.
 */
class Http2LimitsTest {
    @RegisterExtension
    static final WireMockExtension upstream = WireMockUpstream.perClass();
    private GatewayHarness gateway;

    @BeforeEach
    void start() {
        upstream.resetAll();
        upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
        TestConfig config = TestConfig.defaults();
        config.upstream = URI.create(upstream.baseUrl());
        // The app's first answer can take seconds on a loaded 2-core machine (WireMock warming up).
        config.responseTimeout = java.time.Duration.ofSeconds(15);
        config.edge = new EdgeConfig(null, false, true, 0, 100, UpstreamTls.defaults());
        gateway = GatewayHarness.start(config, ScriptedPolicy.standard());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + gateway.port() + path;
    }

    @Test
    void curlSpeaksHttp2WithPriorKnowledgeAndHttp11OnTheSamePort() throws Exception {
        Curl.Result h2 = Curl.run("--http2-prior-knowledge", "-o", "/dev/null", "-w", "%{http_version} %{http_code}",
                url("/app"));
        Curl.Result h1 = Curl.run("--http1.1", "-o", "/dev/null", "-w", "%{http_version} %{http_code}", url("/app"));
        assertEquals("2 200", h2.out(), h2.err());
        assertEquals("1.1 200", h1.out(), h1.err());
    }

    @Test
    void aHeaderBlockBeyondTheHttp11LimitsIsAnswered431() throws Exception {
        String big = "v".repeat(32 * 1024);
        Curl.Result r = Curl.run("--http2-prior-knowledge", "-o", "/dev/null", "-w", "%{http_version} %{http_code}",
                "-H", "X-Big: " + big, url("/app"));
        assertEquals("2 431", r.out(), r.err());
        assertEquals(0, upstream.findAll(anyRequestedFor(urlEqualTo("/app"))).size());
    }

    @Test
    void rapidResetIsAnsweredWithGoawayAndAClose() throws Exception {
        try (RawHttp2 c = RawHttp2.connect(gateway.port())) {
            int stream = 1;
            for (int i = 0; i <= Http2Server.MAX_RESETS; i++, stream += 2) {
                c.frame(RawHttp2.HEADERS, RawHttp2.END_HEADERS | RawHttp2.END_STREAM, stream, RawHttp2.get("/reset"));
                c.rst(stream);
            }
            Frame goaway = c.next(RawHttp2.GOAWAY);
            assertNotNull(goaway, "GOAWAY before the close");
            assertEquals(11, goaway.errorCode(), "ENHANCE_YOUR_CALM: " + new String(goaway.payload(),
                    java.nio.charset.StandardCharsets.ISO_8859_1));
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void aConnectionSpecificHeaderResetsTheStream() throws Exception {
        try (RawHttp2 c = RawHttp2.connect(gateway.port())) {
            c.frame(RawHttp2.HEADERS, RawHttp2.END_HEADERS | RawHttp2.END_STREAM, 1,
                    RawHttp2.get("/forbidden", "connection", "keep-alive"));
            Frame rst = c.next(RawHttp2.RST_STREAM);
            assertNotNull(rst);
            assertEquals(1, rst.stream());
            assertEquals(1, rst.errorCode(), "PROTOCOL_ERROR");
            // The connection carries on: the next stream is served.
            c.frame(RawHttp2.HEADERS, RawHttp2.END_HEADERS | RawHttp2.END_STREAM, 3, RawHttp2.get("/after"));
            Frame response = c.next(RawHttp2.HEADERS);
            assertNotNull(response);
            assertEquals(3, response.stream());
        }
        assertEquals(0, upstream.findAll(anyRequestedFor(urlEqualTo("/forbidden"))).size());
    }

    @Test
    void transferEncodingResetsTheStream() throws Exception {
        try (RawHttp2 c = RawHttp2.connect(gateway.port())) {
            c.frame(RawHttp2.HEADERS, RawHttp2.END_HEADERS | RawHttp2.END_STREAM, 1,
                    RawHttp2.get("/te", "transfer-encoding", "chunked"));
            Frame rst = c.next(RawHttp2.RST_STREAM);
            assertNotNull(rst);
            assertEquals(1, rst.errorCode(), "PROTOCOL_ERROR");
        }
        assertEquals(0, upstream.findAll(anyRequestedFor(urlEqualTo("/te"))).size());
    }

    @Test
    void dataShorterThanContentLengthResetsTheStream() throws Exception {
        try (RawHttp2 c = RawHttp2.connect(gateway.port())) {
            c.frame(RawHttp2.HEADERS, RawHttp2.END_HEADERS, 1, RawHttp2.headers(":method", "POST", ":scheme", "http",
                    ":path", "/short", ":authority", "app", "content-length", "10"));
            c.frame(RawHttp2.DATA, RawHttp2.END_STREAM, 1, new byte[]{1, 2, 3});
            Frame rst = c.next(RawHttp2.RST_STREAM);
            assertNotNull(rst);
            assertEquals(1, rst.errorCode(), "PROTOCOL_ERROR");
        }
    }
}
