package dev.linkgate.gateway.edge;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.linkgate.core.config.CertificateFiles;
import dev.linkgate.core.config.EdgeConfig;
import dev.linkgate.core.config.ListenTls;
import dev.linkgate.core.config.UpstreamTls;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.linkgate.gateway.admin.AccessLog;
import dev.linkgate.gateway.testing.Curl;
import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.Poll;
import dev.linkgate.gateway.testing.RecordedPolicy;
import dev.linkgate.gateway.testing.ScriptedPolicy;
import dev.linkgate.gateway.testing.TestCertificates;
import dev.linkgate.gateway.testing.TestCertificates.Issued;
import dev.linkgate.gateway.testing.TestCertificates.KeyFormat;
import dev.linkgate.gateway.testing.TestConfig;
import dev.linkgate.gateway.testing.WireMockUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** listen.tls with real clients: the JDK HttpClient and curl, over HTTP/2 and HTTP/1.1, with SNI. */
class TlsListenerTest {
    @RegisterExtension
    static final WireMockExtension upstream = WireMockUpstream.perClass();
    @TempDir
    static Path dir;
    static TestCertificates certs;
    static Issued localhost;
    static Issued other;

    private RecordedPolicy decider;
    private GatewayHarness gateway;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = TestCertificates.newCa(dir);
        localhost = certs.issue("localhost", "EC", KeyFormat.TRADITIONAL, "localhost", "*.local.test");
        other = certs.issue("other", "RSA", KeyFormat.TRADITIONAL, "other.test");
    }

    @BeforeEach
    void reset() {
        upstream.resetAll();
        upstream.stubFor(get(urlEqualTo("/app")).willReturn(aResponse().withStatus(200).withBody("hello")));
        upstream.stubFor(get(urlPathMatching("/sign/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<p>signing</p>")));
        decider = ScriptedPolicy.standard();
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private void start(boolean http2, int redirectPort) {
        TestConfig config = TestConfig.defaults();
        config.responseTimeout = java.time.Duration.ofSeconds(15);
        config.upstream = URI.create(upstream.baseUrl());
        config.edge = new EdgeConfig(new ListenTls(List.of(
                new CertificateFiles(localhost.certFile(), localhost.keyFile()),
                new CertificateFiles(other.certFile(), other.keyFile()))), http2, false, redirectPort, 100,
                UpstreamTls.defaults());
        gateway = GatewayHarness.start(config, decider);
    }

    private HttpClient jdkClient(HttpClient.Version version) throws Exception {
        return HttpClient.newBuilder().version(version).sslContext(certs.clientContext())
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    private URI https(String host, String path) {
        return URI.create("https://" + host + ":" + gateway.port() + path);
    }

    @Test
    void theJdkClientSpeaksHttp2AndTheAppSeesHttps() throws Exception {
        start(true, 0);
        HttpResponse<String> r = jdkClient(HttpClient.Version.HTTP_2).send(
                HttpRequest.newBuilder(https("localhost", "/app")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, r.version());
        assertEquals(200, r.statusCode());
        assertEquals("hello", r.body());
        upstream.verify(getRequestedFor(urlEqualTo("/app"))
                .withHeader("X-Forwarded-Proto", equalTo("https"))
                .withHeader("Host", equalTo("localhost:" + gateway.port()))
                .withHeader("x-http2-stream-id", absent())
                .withHeader("x-http2-scheme", absent()));
    }

    @Test
    void aLinkClickOverHttp2GoesThroughTheLinkFlowAndItsDoubleClickGetsTheCopy() throws Exception {
        start(true, 0);
        HttpClient client = jdkClient(HttpClient.Version.HTTP_2);
        HttpRequest click = gateway.browserGet("/sign/h2-token-0001").uri(https("localhost", "/sign/h2-token-0001"))
                .build();
        HttpResponse<String> first = client.send(click, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> second = client.send(click, HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, first.version());
        assertEquals(200, first.statusCode());
        assertEquals("<p>signing</p>", first.body());
        assertEquals("<p>signing</p>", second.body());
        assertEquals(1, decider.completed.get(), "the first click was forwarded (FORWARD) and its claim settled");
        assertEquals(1, upstream.findAll(getRequestedFor(urlEqualTo("/sign/h2-token-0001"))).size(),
                "the double click is answered by linkgate, not forwarded");
        assertEquals("h2-token-0001", decider.requests.get(0).linkKey());
        assertEquals("navigate", decider.requests.get(0).headers().get("sec-fetch-mode"));
    }

    @Test
    void bodiesStreamBothWaysOverHttp2AndTheAccessLogSaysHttp2() throws Exception {
        // Larger than HTTP/2's initial 64 KiB windows: both directions go through flow control.
        String requestBody = "r".repeat(700 * 1024);
        String responseBody = "s".repeat(900 * 1024);
        upstream.stubFor(post(urlEqualTo("/upload")).willReturn(aResponse().withStatus(201).withBody(responseBody)));
        start(true, 0);
        Logger accessLog = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        ch.qos.logback.classic.Level level = accessLog.getLevel();
        accessLog.setLevel(ch.qos.logback.classic.Level.INFO);
        accessLog.addAppender(lines);
        try {
            HttpResponse<String> r = jdkClient(HttpClient.Version.HTTP_2).send(HttpRequest.newBuilder(
                            https("localhost", "/upload")).POST(HttpRequest.BodyPublishers.ofString(requestBody)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(HttpClient.Version.HTTP_2, r.version());
            assertEquals(201, r.statusCode());
            assertEquals(responseBody, r.body());
            upstream.verify(postRequestedFor(urlEqualTo("/upload")).withRequestBody(equalTo(requestBody)));
            assertTrue(Poll.until(Duration.ofSeconds(5), () -> !lines.list.isEmpty()));
            String line = lines.list.get(0).getFormattedMessage();
            assertTrue(line.contains("\"path\":\"/upload\",\"protocol\":\"HTTP/2.0\""), line);
            assertTrue(line.contains("\"status\":201"), line);
        } finally {
            accessLog.detachAppender(lines);
            accessLog.setLevel(level);
        }
    }

    @Test
    void curlGetsHttp2AndHttp11ByAlpn() throws Exception {
        start(true, 0);
        String resolve = "localhost:" + gateway.port() + ":127.0.0.1";
        Curl.Result h2 = Curl.run("--http2", "--cacert", certs.caFile().toString(), "--resolve", resolve,
                "-o", "/dev/null", "-w", "%{http_version} %{http_code}", https("localhost", "/app").toString());
        Curl.Result h1 = Curl.run("--http1.1", "--cacert", certs.caFile().toString(), "--resolve", resolve,
                "-o", "/dev/null", "-w", "%{http_version} %{http_code}", https("localhost", "/app").toString());
        assertEquals("2 200", h2.out(), h2.err());
        assertEquals("1.1 200", h1.out(), h1.err());
    }

    @Test
    void withoutHttp2AlpnOffersOnlyHttp11() throws Exception {
        start(false, 0);
        Curl.Result r = Curl.run("--http2", "--cacert", certs.caFile().toString(), "--resolve",
                "localhost:" + gateway.port() + ":127.0.0.1", "-o", "/dev/null", "-w", "%{http_version} %{http_code}",
                https("localhost", "/app").toString());
        assertEquals("1.1 200", r.out(), r.err());
    }

    @Test
    void theCertificateIsChosenBySniAndTheFirstIsTheDefault() throws Exception {
        start(true, 0);
        String ca = certs.caFile().toString();
        int port = gateway.port();
        Curl.Result named = Curl.run("--cacert", ca, "--resolve", "other.test:" + port + ":127.0.0.1",
                "-o", "/dev/null", "-w", "%{http_code}", https("other.test", "/app").toString());
        Curl.Result wildcard = Curl.run("--cacert", ca, "--resolve", "a.local.test:" + port + ":127.0.0.1",
                "-o", "/dev/null", "-w", "%{http_code}", https("a.local.test", "/app").toString());
        Curl.Result unknown = Curl.run("--cacert", ca, "--resolve", "unknown.test:" + port + ":127.0.0.1",
                "-o", "/dev/null", "-w", "%{http_code}", https("unknown.test", "/app").toString());
        assertEquals("200", named.out(), named.err());
        assertEquals("200", wildcard.out(), wildcard.err());
        // The default (localhost) certificate does not name unknown.test: curl refuses it (exit 60).
        assertEquals(60, unknown.exit(), unknown.err());
    }

    @Test
    void plainHttpOnTheTlsPortIsCountedAsAFailedHandshakeAndClosed() throws Exception {
        start(true, 0);
        try (Socket s = new Socket("127.0.0.1", gateway.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write("GET /app HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals(-1, s.getInputStream().read(), "closed without an answer");
        }
        assertTrue(Poll.until(Duration.ofSeconds(5),
                () -> gateway.metric("linkgate_tls_handshake_failures_total", "reason=\"not_tls\"") == 1));
    }

    @Test
    void tls11IsRefused() throws Exception {
        start(true, 0);
        Curl.Result r = Curl.run("--tlsv1.1", "--tls-max", "1.1", "--cacert", certs.caFile().toString(),
                "--resolve", "localhost:" + gateway.port() + ":127.0.0.1", https("localhost", "/app").toString());
        assertNotEquals(0, r.exit());
        assertEquals(0, upstream.findAll(getRequestedFor(urlEqualTo("/app"))).size());
    }

    @Test
    void theRedirectPortSendsPlainHttpToHttps() throws Exception {
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            int redirect = free.getLocalPort();
            free.close();
            start(true, redirect);
        }
        int redirect = gateway.server.redirectPort();
        Curl.Result r = Curl.run("-o", "/dev/null", "-w", "%{http_code} %{redirect_url}",
                "http://localhost:" + redirect + "/sign/x?y=1");
        assertEquals("301 https://localhost:" + gateway.port() + "/sign/x?y=1", r.out(), r.err());
        assertEquals(0, decider.requests.size(), "nothing on the redirect port reaches the link flow");
    }
}
