package dev.linkgate.gateway.edge;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.linkgate.core.config.CertificateFiles;
import dev.linkgate.core.config.EdgeConfig;
import dev.linkgate.core.config.ListenTls;
import dev.linkgate.core.config.UpstreamTls;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Certificates change under running clients: new handshakes get the new one, and no request fails. */
class CertificateReloadTest {
    @RegisterExtension
    static final WireMockExtension upstream = WireMockUpstream.perClass();
    @TempDir
    Path dir;
    private TestCertificates certs;
    private GatewayHarness gateway;

    @BeforeEach
    void setUp() throws Exception {
        upstream.resetAll();
        upstream.stubFor(get(urlEqualTo("/app")).willReturn(aResponse().withStatus(200).withBody("ok")));
        certs = TestCertificates.newCa(dir);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private void start(Path cert, Path key) {
        TestConfig config = TestConfig.defaults();
        config.upstream = URI.create(upstream.baseUrl());
        config.responseTimeout = Duration.ofSeconds(15);
        config.edge = new EdgeConfig(new ListenTls(List.of(new CertificateFiles(cert, key))), true, false, 0, 100,
                UpstreamTls.defaults());
        gateway = GatewayHarness.start(config, ScriptedPolicy.standard());
    }

    /** One request on a new TLS connection; the serial of the certificate the server showed. */
    private BigInteger request(SSLContext context) throws Exception {
        try (SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", gateway.port())) {
            s.setSoTimeout(10_000);
            SSLParameters p = s.getSSLParameters();
            p.setServerNames(List.of(new SNIHostName("localhost")));
            p.setEndpointIdentificationAlgorithm("HTTPS");
            s.setSSLParameters(p);
            s.getOutputStream().write("GET /app HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!response.startsWith("HTTP/1.1 200")) {
                throw new AssertionError("not 200: " + response);
            }
            return ((X509Certificate) s.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }

    /** Requests in a loop on another thread until stopped (at most 30 s); every failure is kept. */
    private final class ClientLoop implements AutoCloseable {
        final AtomicReference<BigInteger> lastSerial = new AtomicReference<>();
        final AtomicInteger requests = new AtomicInteger();
        final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;

        ClientLoop() throws Exception {
            SSLContext context = certs.clientContext();
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            thread = new Thread(() -> {
                while (!stop.get() && System.nanoTime() < end) {
                    try {
                        lastSerial.set(request(context));
                        requests.incrementAndGet();
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }
            }, "client-loop");
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join();
        }
    }

    @Test
    void aRewrittenCertificateIsServedToNewHandshakesWithoutAFailedRequest() throws Exception {
        Issued first = certs.issue("site", "EC", KeyFormat.PKCS8, "localhost");
        start(first.certFile(), first.keyFile());
        try (ClientLoop loop = new ClientLoop()) {
            assertTrue(Poll.until(Duration.ofSeconds(10), () -> loop.requests.get() >= 3));
            assertEquals(first.leaf().getSerialNumber(), loop.lastSerial.get());
            // Rewritten in place, certificate then key: for a moment the two do not match, and the old pair stays.
            Issued second = certs.issue("site", "RSA", KeyFormat.TRADITIONAL, "localhost");
            assertTrue(Poll.until(Duration.ofSeconds(15),
                    () -> second.leaf().getSerialNumber().equals(loop.lastSerial.get())), "new certificate served");
            int before = loop.requests.get();
            assertTrue(Poll.until(Duration.ofSeconds(10), () -> loop.requests.get() >= before + 3));
            loop.close();
            assertTrue(loop.failures.isEmpty(), () -> "failed requests: " + loop.failures);
        }
    }

    @Test
    void aKubernetesSecretSymlinkSwapIsPickedUp() throws Exception {
        // The layout of a mounted Secret: tls.crt -> ..data/tls.crt, ..data -> ..<timestamp>/
        Path mount = Files.createDirectories(dir.resolve("secret"));
        Issued first = certs.issue("first", "EC", KeyFormat.TRADITIONAL, "localhost");
        Path v1 = Files.createDirectories(mount.resolve("..2026_12_02_v1"));
        Files.copy(first.certFile(), v1.resolve("tls.crt"));
        Files.copy(first.keyFile(), v1.resolve("tls.key"));
        Files.createSymbolicLink(mount.resolve("..data"), v1.getFileName());
        Files.createSymbolicLink(mount.resolve("tls.crt"), Path.of("..data/tls.crt"));
        Files.createSymbolicLink(mount.resolve("tls.key"), Path.of("..data/tls.key"));
        start(mount.resolve("tls.crt"), mount.resolve("tls.key"));
        SSLContext client = certs.clientContext();
        assertEquals(first.leaf().getSerialNumber(), request(client));

        Issued second = certs.issue("second", "EC", KeyFormat.PKCS8, "localhost");
        Path v2 = Files.createDirectories(mount.resolve("..2026_12_02_v2"));
        Files.copy(second.certFile(), v2.resolve("tls.crt"));
        Files.copy(second.keyFile(), v2.resolve("tls.key"));
        Path tmp = mount.resolve("..data_tmp");
        Files.createSymbolicLink(tmp, v2.getFileName());
        Files.move(tmp, mount.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        assertTrue(Poll.until(Duration.ofSeconds(15),
                () -> second.leaf().getSerialNumber().equals(request(client))), "new certificate served");
    }

    @Test
    void aBadCertificateKeepsTheOldOneAndTheReloadSignalLoadsAGoodOne() throws Exception {
        Issued first = certs.issue("site", "EC", KeyFormat.PKCS8, "localhost");
        start(first.certFile(), first.keyFile());
        SSLContext client = certs.clientContext();
        Files.writeString(first.certFile(), "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n");
        assertFalse(gateway.server.reloadCertificates(), "a certificate that cannot be read is not used");
        assertEquals(first.leaf().getSerialNumber(), request(client));

        Issued second = certs.issue("site", "EC", KeyFormat.PKCS8, "localhost");
        // Whichever comes first, the watcher or the signal, the new pair is in use afterwards.
        gateway.server.reloadCertificates();
        assertEquals(second.leaf().getSerialNumber(), request(client));
    }
}
