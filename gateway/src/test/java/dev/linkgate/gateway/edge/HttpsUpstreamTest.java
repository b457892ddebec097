package dev.linkgate.gateway.edge;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.linkgate.core.config.CertificateFiles;
import dev.linkgate.core.config.EdgeConfig;
import dev.linkgate.core.config.UpstreamTls;
import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.RecordedPolicy;
import dev.linkgate.gateway.testing.ScriptedPolicy;
import dev.linkgate.gateway.testing.TestCertificates;
import dev.linkgate.gateway.testing.TestCertificates.Issued;
import dev.linkgate.gateway.testing.TestCertificates.KeyFormat;
import dev.linkgate.gateway.testing.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** upstream.url: https://... against WireMock over HTTPS with the test CA's certificate. */
class HttpsUpstreamTest {
    @TempDir
    static Path dir;
    static TestCertificates certs;
    static TestCertificates otherCa;
    static Issued app;
    static Issued client;
    private WireMockServer upstream;
    private GatewayHarness gateway;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = TestCertificates.newCa(dir);
        app = certs.issue("app", "EC", KeyFormat.PKCS8, "localhost");
        client = certs.issue("client", "RSA", KeyFormat.TRADITIONAL, "linkgate.client");
        otherCa = TestCertificates.newCa(java.nio.file.Files.createDirectories(dir.resolve("other")));
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (upstream != null) {
            upstream.stop();
        }
    }

    private void startApp(boolean needClientCertificate) throws Exception {
        WireMockConfiguration options = WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .dynamicHttpsPort().keystorePath(app.keyStore(certs.ca).toString()).keystoreType("PKCS12")
                .keystorePassword("changeit").keyManagerPassword("changeit");
        if (needClientCertificate) {
            options.needClientAuth(true).trustStorePath(certs.trustStore().toString()).trustStoreType("PKCS12")
                    .trustStorePassword("changeit");
        }
        upstream = new WireMockServer(options);
        upstream.start();
        upstream.stubFor(get(urlEqualTo("/app")).willReturn(aResponse().withStatus(200).withBody("secure")));
    }

    private HttpResponse<String> throughGateway(UpstreamTls tls) throws Exception {
        TestConfig config = TestConfig.defaults();
        config.upstream = URI.create("https://localhost:" + upstream.httpsPort());
        config.responseTimeout = Duration.ofSeconds(15);
        config.connectTimeout = Duration.ofSeconds(5);
        config.edge = new EdgeConfig(null, false, false, 0, 100, tls);
        gateway = GatewayHarness.start(config, ScriptedPolicy.standard());
        return gateway.send(HttpRequest.newBuilder(gateway.uri("/app")).timeout(Duration.ofSeconds(20)).build());
    }

    @Test
    void theAppIsReachedOverVerifiedTlsAndPooledConnectionsCarryOn() throws Exception {
        startApp(false);
        HttpResponse<String> r = throughGateway(new UpstreamTls(certs.caFile(), true, null));
        assertEquals(200, r.statusCode());
        assertEquals("secure", r.body());
        HttpResponse<String> again = gateway.send(HttpRequest.newBuilder(gateway.uri("/app")).build());
        assertEquals("secure", again.body());
        upstream.verify(2, getRequestedFor(urlEqualTo("/app")).withHeader("X-Forwarded-Proto", equalTo("http")));
    }

    @Test
    void anAppWhoseCertificateTheTrustedCasDoNotSignGets502() throws Exception {
        startApp(false);
        HttpResponse<String> r = throughGateway(new UpstreamTls(otherCa.caFile(), true, null));
        assertEquals(502, r.statusCode());
        assertEquals(0, upstream.findAll(getRequestedFor(urlEqualTo("/app"))).size());
    }

    @Test
    void withVerifyOffAnyCertificateIsAccepted() throws Exception {
        startApp(false);
        HttpResponse<String> r = throughGateway(new UpstreamTls(null, false, null));
        assertEquals(200, r.statusCode());
    }

    @Test
    void aClientCertificateIsShownWhenTheAppAsksForOne() throws Exception {
        startApp(true);
        HttpResponse<String> r = throughGateway(new UpstreamTls(certs.caFile(), true,
                new CertificateFiles(client.certFile(), client.keyFile())));
        assertEquals(200, r.statusCode());
        assertEquals("secure", r.body());
    }
}
