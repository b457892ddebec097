package dev.linkgate.gateway.http1;

import dev.linkgate.core.config.CertificateFiles;
import dev.linkgate.core.config.EdgeConfig;
import dev.linkgate.core.config.ListenTls;
import dev.linkgate.core.config.UpstreamTls;
import dev.linkgate.gateway.testing.Curl;
import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.RawHttp2;
import dev.linkgate.gateway.testing.RawUpstream;
import dev.linkgate.gateway.testing.ScriptedPolicy;
import dev.linkgate.gateway.testing.TestCertificates;
import dev.linkgate.gateway.testing.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * HTTP/2 streams meet the same parser and relay as HTTP/1.1 requests: a body sent without content-length (curl
 * over h2c reading stdin, the JDK HttpClient over h2 with a publisher of unknown length) reaches the upstream
 * whole, chunked; a HEAD is answered without a body; and a header value HTTP/2 carries but HTTP/1.1 forbids is
 * refused on its stream (400) while the connection serves the next stream.
 */
class Http2RequestsTest {
    private static final byte[] BODY = new byte[200 * 1024];

    static {
        new SplittableRandom(15).nextBytes(BODY);
    }

    @TempDir
    Path dir;
    private RecordingUpstream upstream;
    private GatewayHarness gateway;

    @BeforeEach
    void startUpstream() throws Exception {
        upstream = new RecordingUpstream();
    }

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        upstream.close();
    }

    private void start(EdgeConfig edge) {
        TestConfig config = TestConfig.defaults();
        config.upstream = upstream.uri();
        config.responseTimeout = Duration.ofSeconds(10);
        config.edge = edge;
        gateway = GatewayHarness.start(config, ScriptedPolicy.standard());
    }

    private void startH2c() {
        start(new EdgeConfig(null, false, true, 0, 100, UpstreamTls.defaults()));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + gateway.port() + path;
    }

    @Test
    void curlsBodyFromStdinOverH2cReachesTheUpstreamWholeAndChunked() throws Exception {
        startH2c();
        String out = curlWithStdin(BODY, "--http2-prior-knowledge", "-X", "POST", "-T", "-", "-o", "/dev/null",
                "-w", "%{http_version} %{http_code}", url("/upload-h2c"));
        assertEquals("2 200", out);
        RawUpstream.Request head = only("POST /upload-h2c HTTP/1.1");
        assertEquals("chunked", head.header("Transfer-Encoding"), "no content-length: relayed chunked");
        assertNull(head.header("Content-Length"));
        assertArrayEquals(BODY, upstream.seen(head).data());
    }

    @Test
    void aHeadOverH2cIsForwardedAsHeadAndAnsweredWithoutABody() throws Exception {
        startH2c();
        Curl.Result r = Curl.run("--http2-prior-knowledge", "--head", "-w", "%{http_version} %{http_code} %{size_download}",
                "-o", "/dev/null", url("/doc"));
        assertEquals("2 200 0", r.out(), r.err());
        RawUpstream.Request head = only("HEAD /doc HTTP/1.1");
        assertArrayEquals(new byte[0], upstream.seen(head).data());
    }

    @Test
    void theJdkClientsBodyOfUnknownLengthOverH2ReachesTheUpstreamWholeAndChunked() throws Exception {
        TestCertificates certs = TestCertificates.newCa(dir);
        TestCertificates.Issued localhost = certs.issue("localhost", "EC", TestCertificates.KeyFormat.TRADITIONAL,
                "localhost");
        start(new EdgeConfig(new ListenTls(List.of(new CertificateFiles(localhost.certFile(), localhost.keyFile()))),
                true, false, 0, 100, UpstreamTls.defaults()));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .sslContext(certs.clientContext()).connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create("https://localhost:" + gateway.port() + "/upload-h2");
        HttpRequest post = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(BODY))).build();
        HttpResponse<String> r = client.send(post, HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, r.version());
        assertEquals(200, r.statusCode());
        assertEquals("POST /upload-h2", r.body());
        RawUpstream.Request head = only("POST /upload-h2 HTTP/1.1");
        assertEquals("chunked", head.header("Transfer-Encoding"));
        assertArrayEquals(BODY, upstream.seen(head).data());

        HttpResponse<String> h = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + gateway.port()
                + "/doc")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, h.statusCode());
        assertEquals("", h.body());
        assertEquals("HEAD /doc", h.headers().firstValue("X-Echo").orElseThrow());
    }

    @Test
    void anAuthorityNoHostHeaderCouldHoldIsAnswered400OnItsStreamAndTheConnectionServesTheNext() throws Exception {
        startH2c();
        try (RawHttp2 c = RawHttp2.connect(gateway.port())) {
            // Netty's HTTP/2 codec passes :authority on as it came; as Host, the parser refuses it (not an authority).
            c.frame(RawHttp2.HEADERS, RawHttp2.END_HEADERS | RawHttp2.END_STREAM, 1, RawHttp2.headers(":method", "GET",
                    ":scheme", "http", ":path", "/refused", ":authority", "user@app.example"));
            RawHttp2.Frame refused = c.next(RawHttp2.HEADERS);
            assertNotNull(refused, "an answer on stream 1");
            assertEquals(1, refused.stream());
            assertEquals(0x80 | 12, refused.payload()[0] & 0xff, ":status 400 (HPACK static table entry 12)");
            c.frame(RawHttp2.HEADERS, RawHttp2.END_HEADERS | RawHttp2.END_STREAM, 3, RawHttp2.get("/after"));
            RawHttp2.Frame next = c.next(RawHttp2.HEADERS);
            assertNotNull(next, "the connection carries on");
            assertEquals(3, next.stream());
            assertEquals(0x80 | 8, next.payload()[0] & 0xff, ":status 200 (HPACK static table entry 8)");
        }
        assertEquals(List.of("GET /after HTTP/1.1"),
                List.copyOf(upstream.heads()).stream().map(RawUpstream.Request::requestLine).toList());
    }

    /**
     * Pseudo-headers Netty's conversion cannot make an HTTP/1.1 request of (a method that is no token, a path with
     * a space, Host against :authority) are a malformed request: a PROTOCOL_ERROR reset (RFC 9113 8.1.1), not
     * the CANCEL of a stream nobody wants any more.
     */
    @Test
    void pseudoHeadersNoRequestLineCouldHoldResetTheStreamAsAProtocolErrorAndTheConnectionCarriesOn()
            throws Exception {
        startH2c();
        String[][] malformed = {
                {":method", "G(T", ":scheme", "http", ":path", "/m", ":authority", "app"},
                {":method", "GET", ":scheme", "http", ":path", "/a b", ":authority", "app"},
                {":method", "GET", ":scheme", "http", ":path", "/h", ":authority", "app", "host", "other"}};
        try (RawHttp2 c = RawHttp2.connect(gateway.port())) {
            int stream = 1;
            for (String[] headers : malformed) {
                c.frame(RawHttp2.HEADERS, RawHttp2.END_HEADERS | RawHttp2.END_STREAM, stream,
                        RawHttp2.headers(headers));
                RawHttp2.Frame reset = c.next(RawHttp2.RST_STREAM);
                assertNotNull(reset, String.join(" ", headers));
                assertEquals(stream, reset.stream());
                assertEquals(1, reset.errorCode(), "PROTOCOL_ERROR for " + String.join(" ", headers));
                stream += 2;
            }
            c.frame(RawHttp2.HEADERS, RawHttp2.END_HEADERS | RawHttp2.END_STREAM, stream, RawHttp2.get("/after"));
            RawHttp2.Frame next = c.next(RawHttp2.HEADERS);
            assertNotNull(next, "the connection carries on");
            assertEquals(stream, next.stream());
        }
        assertEquals(List.of("GET /after HTTP/1.1"),
                List.copyOf(upstream.heads()).stream().map(RawUpstream.Request::requestLine).toList());
    }

    /** The one request the upstream received, which must have this request line. */
    private RawUpstream.Request only(String requestLine) {
        List<RawUpstream.Request> heads = List.copyOf(upstream.heads());
        assertEquals(List.of(requestLine), heads.stream().map(RawUpstream.Request::requestLine).toList());
        assertNotNull(upstream.seen(heads.get(0)), "answered, so its body was read");
        return heads.get(0);
    }

    /** curl with {@code body} on its stdin; its stdout. */
    private static String curlWithStdin(byte[] body, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "--silent", "--show-error", "--max-time", "10"));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            fail("curl is not installed: apt-get install -y curl (" + e.getMessage() + ")");
            throw e;
        }
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(body);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("curl did not finish: " + command);
        }
        return out;
    }
}
