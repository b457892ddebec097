package dev.linkgate.gateway;

import dev.linkgate.gateway.testing.TestCertificates;
import dev.linkgate.gateway.testing.TestCertificates.Issued;
import dev.linkgate.gateway.testing.TestCertificates.KeyFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** check-config reads listen.tls and upstream.tls files as serving would. */
class TlsCheckConfigTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int checkConfig(String listenTls) throws Exception {
        Path root = Path.of(System.getProperty("linkgate.project.dir", "..")).toAbsolutePath();
        Path file = dir.resolve("linkgate.yaml");
        Files.writeString(file, "listen:\n  tls:\n" + listenTls + "upstream:\n  url: \"https://app.internal\"\n"
                + "links:\n  - path: \"/sign/{token}\"\n"
                + "detection:\n  user-agents: " + root.resolve("config/scanners/user-agents.txt") + "\n"
                + "  networks: " + root.resolve("config/scanners/networks.txt") + "\n");
        return Main.run(new String[]{"check-config", file.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aGoodCertificateAndAnHttpsUpstreamCheckOut() throws Exception {
        Issued site = TestCertificates.newCa(dir).issue("site", "RSA", KeyFormat.TRADITIONAL, "site.test");
        assertEquals(0, checkConfig("    cert-file: \"" + site.certFile() + "\"\n    key-file: \"" + site.keyFile()
                + "\"\n"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aKeyThatIsNotTheCertificatesExitsWithTheReason() throws Exception {
        TestCertificates ca = TestCertificates.newCa(dir);
        Issued site = ca.issue("site", "EC", KeyFormat.PKCS8, "site.test");
        Issued other = ca.issue("other", "EC", KeyFormat.PKCS8, "other.test");
        assertEquals(2, checkConfig("    cert-file: \"" + site.certFile() + "\"\n    key-file: \"" + other.keyFile()
                + "\"\n"));
        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(message.startsWith("linkgate: listen.tls: " + other.keyFile() + ": the key does not belong to"),
                message);
    }
}
