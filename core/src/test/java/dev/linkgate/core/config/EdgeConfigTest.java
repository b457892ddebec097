package dev.linkgate.core.config;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.linkgate.core.config.ConfigFixtures.MINIMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** listen.tls / http2 / h2c / redirect-http-port, server.http2 and upstream.tls, as an operator writes them. */
class EdgeConfigTest {
    @TempDir
    static Path dir;
    static Path cert;
    static Path key;

    @BeforeAll
    static void files() throws Exception {
        // Only their presence is checked when the config is read; their contents when the listener starts.
        cert = Files.writeString(dir.resolve("tls.crt"), "certificate");
        key = Files.writeString(dir.resolve("tls.key"), "key");
    }

    private static LinkgateConfig parse(String yaml) {
        return ConfigFixtures.parse(yaml, Map.of());
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void withoutTheKeysItIsPlainHttp11() {
        EdgeConfig edge = parse(MINIMAL).edge();
        assertEquals(EdgeConfig.defaults(), edge);
        assertNull(edge.tls());
        assertFalse(edge.http2());
        assertEquals(100, edge.maxConcurrentStreams());
        assertTrue(edge.upstreamTls().verify());
    }

    @Test
    void oneCertificateTurnsOnTlsAndHttp2ByDefault() {
        EdgeConfig edge = parse(MINIMAL + "listen:\n  tls:\n    cert-file: \"" + cert + "\"\n    key-file: \"" + key
                + "\"\n  redirect-http-port: 8081\nserver:\n  http2:\n    max-concurrent-streams: 50\n").edge();
        assertEquals(List.of(new CertificateFiles(cert, key)), edge.tls().certificates());
        assertTrue(edge.http2());
        assertEquals(8081, edge.redirectHttpPort());
        assertEquals(50, edge.maxConcurrentStreams());
    }

    @Test
    void severalCertificatesKeepTheirOrderTheFirstBeingTheDefault() {
        EdgeConfig edge = parse(MINIMAL + "listen:\n  http2: false\n  tls:\n    certificates:\n"
                + "      - {cert-file: \"" + cert + "\", key-file: \"" + key + "\"}\n"
                + "      - {cert-file: \"" + key + "\", key-file: \"" + cert + "\"}\n").edge();
        assertEquals(new CertificateFiles(cert, key), edge.tls().defaultCertificate());
        assertEquals(2, edge.tls().certificates().size());
        assertFalse(edge.http2());
    }

    @Test
    void aMissingKeyFileIsNamedWithItsLine() {
        assertEquals("config error at listen.tls.key-file (line 6, column 3): missing required key",
                error(MINIMAL + "listen:\n  tls:\n    cert-file: \"" + cert + "\"\n"));
    }

    @Test
    void aCertificateFileThatDoesNotExistIsNamed() {
        String message = error(MINIMAL + "listen:\n  tls:\n    cert-file: /nonexistent/tls.crt\n    key-file: \""
                + key + "\"\n");
        assertTrue(message.startsWith("config error at listen.tls.cert-file (line 7, column 16): file"
                + " \"/nonexistent/tls.crt\" does not exist or cannot be read"), message);
    }

    @Test
    void bothFormsOfCertificatesAtOnceAreRefused() {
        String message = error(MINIMAL + "listen:\n  tls:\n    cert-file: \"" + cert + "\"\n    key-file: \"" + key
                + "\"\n    certificates:\n      - {cert-file: \"" + cert + "\", key-file: \"" + key + "\"}\n");
        assertTrue(message.contains("listen.tls.certificates"), message);
        assertTrue(message.endsWith("give either cert-file and key-file, or certificates, not both"), message);
    }

    @Test
    void aRedirectPortNeedsTls() {
        assertTrue(error(MINIMAL + "listen:\n  redirect-http-port: 80\n")
                .endsWith("needs listen.tls (it redirects to https)"));
    }

    @Test
    void h2cIsForPlainListeners() {
        assertTrue(parse(MINIMAL + "listen:\n  h2c: true\n").edge().h2c());
        assertTrue(error(MINIMAL + "listen:\n  h2c: true\n  tls:\n    cert-file: \"" + cert + "\"\n    key-file: \""
                + key + "\"\n").contains("listen.h2c"));
    }

    @Test
    void zeroConcurrentStreamsIsRefused() {
        assertEquals("config error at server.http2.max-concurrent-streams (line 7, column 29): must be at least 1"
                + " (got 0)", error(MINIMAL + "server:\n  http2:\n    max-concurrent-streams: 0\n"));
    }

    @Test
    void anHttpsUpstreamWithItsOwnCaAndClientCertificate() {
        String yaml = """
                upstream:
                  url: https://app.internal
                  tls:
                    ca-file: "%s"
                    cert-file: "%s"
                    key-file: "%s"
                links:
                  - path: /sign/{token}
                """.formatted(cert, cert, key);
        LinkgateConfig config = parse(yaml);
        assertTrue(config.upstream().secure());
        assertEquals(443, config.upstream().port());
        assertEquals(cert, config.edge().upstreamTls().caFile());
        assertEquals(new CertificateFiles(cert, key), config.edge().upstreamTls().client());
        assertTrue(config.edge().upstreamTls().verify());
    }

    @Test
    void verifyOffIsRead() {
        assertFalse(parse("upstream:\n  url: https://app\n  tls:\n    verify: false\nlinks:\n  - path: /s/{token}\n")
                .edge().upstreamTls().verify());
    }
}
