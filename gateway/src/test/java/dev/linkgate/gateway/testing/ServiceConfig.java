package dev.linkgate.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A linkgate.yaml written for a test that starts the whole service from a file and reloads it: free ports, the
 * shipped scanner lists by absolute path, and the fields a test changes between reloads.
 */
public final class ServiceConfig {
    public int upstreamPort;
    public int listenPort;
    public String mode = "balanced";
    public String name = "Acme Sign";
    public String secret = "a-first-secret-of-at-least-32-bytes!!";
    public String trustedProxies = "[\"127.0.0.1/32\"]";
    public String responseTimeout = "5s";
    public String extra = "";
    /** admin.token, or null for none. */
    public String adminToken;
    /** Lines added to the detection section, e.g. {@code "  cloud-networks: ...\n"}. */
    public String detectionExtra = "";

    public ServiceConfig(int upstreamPort) {
        this.upstreamPort = upstreamPort;
    }

    public String yaml() {
        Path root = Path.of(System.getProperty("linkgate.project.dir", "..")).toAbsolutePath();
        return "listen:\n  host: 127.0.0.1\n  port: " + listenPort + "\n"
                + "admin:\n  host: 127.0.0.1\n  port: 0\n"
                + (adminToken == null ? "" : "  token: \"" + adminToken + "\"\n")
                + "upstream:\n  url: \"http://127.0.0.1:" + upstreamPort + "\"\n  response-timeout: " + responseTimeout + "\n"
                + "client-ip:\n  trusted-proxies: " + trustedProxies + "\n"
                + "links:\n  - path: \"/sign/{token}\"\n"
                + "policy:\n  mode: " + mode + "\n"
                + "detection:\n  user-agents: \"" + root.resolve("config/scanners/user-agents.txt") + "\"\n"
                + "  networks: \"" + root.resolve("config/scanners/networks.txt") + "\"\n"
                + detectionExtra
                + "interstitial:\n  name: \"" + name + "\"\n"
                + "secret: \"" + secret + "\"\n"
                + extra;
    }

    public Path writeTo(Path file) {
        try {
            Files.writeString(file, yaml());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
