package dev.linkgate.gateway.testing;

import dev.linkgate.core.config.Cidr;
import dev.linkgate.core.config.ClientIpConfig;
import dev.linkgate.core.config.DataSize;
import dev.linkgate.core.config.DetectionConfig;
import dev.linkgate.core.config.EdgeConfig;
import dev.linkgate.core.config.Endpoint;
import dev.linkgate.core.config.InterstitialConfig;
import dev.linkgate.core.config.LinkRoute;
import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.config.LoggingConfig;
import dev.linkgate.core.config.Mode;
import dev.linkgate.core.config.PolicyConfig;
import dev.linkgate.core.config.Reclick;
import dev.linkgate.core.config.Secret;
import dev.linkgate.core.config.ServerConfig;
import dev.linkgate.core.config.StoreConfig;
import dev.linkgate.core.config.UpstreamConfig;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Config records built directly for tests (the loader is another branch's work): short timeouts, port 0. */
public final class TestConfig {
    public URI upstream = URI.create("http://127.0.0.1:1");
    public Duration connectTimeout = Duration.ofSeconds(1);
    public Duration responseTimeout = Duration.ofSeconds(2);
    public int maxConnections = 16;
    public Duration upstreamIdle = Duration.ofSeconds(30);
    public boolean preserveHost = true;
    public List<String> trustedProxies = new ArrayList<>(List.of("127.0.0.1/32"));
    public boolean proxyProtocol;
    public Mode mode = Mode.BALANCED;
    public Duration doubleClickWindow = Duration.ofSeconds(5);
    public Duration headerTimeout = Duration.ofSeconds(5);
    public Duration idleTimeout = Duration.ofSeconds(30);
    public Duration drainTimeout = Duration.ofSeconds(2);
    public long maxCoalesceBody = 256 * 1024;
    public Duration resumeWindow = Duration.ofMinutes(10);
    public List<String> sessionCookies = List.of();
    public long maxCopyMemory = 64L << 20;
    public int ioThreads = ServerConfig.AUTO_THREADS;
    public ServerConfig.Transport transport = ServerConfig.Transport.AUTO;
    /** TLS, HTTP/2 and upstream TLS; plain HTTP/1.1 by default. */
    public EdgeConfig edge = EdgeConfig.defaults();

    public static TestConfig defaults() {
        return new TestConfig();
    }

    public LinkgateConfig build() {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 7);
        return new LinkgateConfig(
                new Endpoint("127.0.0.1", 0),
                new Endpoint("127.0.0.1", 0),
                new UpstreamConfig(upstream, connectTimeout, responseTimeout, maxConnections, upstreamIdle, preserveHost),
                new ClientIpConfig(trustedProxies.stream().map(TestConfig::cidr).toList(), proxyProtocol),
                List.of(new LinkRoute("/sign/{token}", null, sessionCookies)),
                new PolicyConfig(mode, doubleClickWindow, Duration.ofDays(1), Reclick.INTERSTITIAL,
                        Duration.ofMinutes(10), Duration.ofMinutes(1), 2, Duration.ofMillis(800), resumeWindow,
                        "linkgate-browser"),
                DetectionConfig.defaults(),
                new StoreConfig(StoreConfig.Type.MEMORY, 10_000, null, StoreConfig.OnFailure.LOCAL,
                        new DataSize(maxCopyMemory)),
                new ServerConfig(new DataSize(8 * 1024), new DataSize(16 * 1024), headerTimeout, idleTimeout,
                        drainTimeout, new DataSize(maxCoalesceBody), ioThreads, transport),
                new InterstitialConfig("linkgate test", "#225588", null, null),
                new Secret(secret, false),
                LoggingConfig.defaults(),
                edge);
    }

    static Cidr cidr(String s) {
        return Cidr.parse(s);
    }
}
