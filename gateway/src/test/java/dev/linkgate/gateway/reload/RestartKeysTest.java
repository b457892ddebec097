package dev.linkgate.gateway.reload;

import dev.linkgate.core.config.ConfigLoader;
import dev.linkgate.core.config.LinkgateConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestartKeysTest {
    private static final String BASE = "upstream:\n  url: \"http://127.0.0.1:8081\"\n"
            + "links:\n  - path: \"/sign/{token}\"\n";
    private static final String SECRET = "secret: \"0123456789abcdef0123456789abcdef\"\n";

    private static LinkgateConfig parse(String yaml) {
        return new ConfigLoader(name -> null).parse(yaml, "test.yaml");
    }

    @Test
    void aFileThatChangesOnlyLiveKeysIsAppliedAsItIs() {
        LinkgateConfig running = parse(BASE + SECRET);
        LinkgateConfig loaded = parse(BASE + SECRET + "policy:\n  mode: strict\n  continue-ttl: 5m\n"
                + "interstitial:\n  name: Beta\n");
        RestartKeys.Kept kept = RestartKeys.keep(running, loaded);
        assertEquals(List.of(), kept.changed());
        assertSame(loaded, kept.config());
    }

    @Test
    void restartKeysAreNamedAndKeepTheirRunningValuesWhileTheRestApplies() {
        LinkgateConfig running = parse(BASE + SECRET);
        LinkgateConfig loaded = parse("listen:\n  port: 8181\nadmin:\n  host: 0.0.0.0\n"
                + "upstream:\n  url: \"http://10.0.0.9:8081\"\n  response-timeout: 7s\n"
                + "links:\n  - path: \"/s/{token}\"\n"
                + "policy:\n  mode: monitor\n  link-ttl: 24h\n  double-click-window: 3s\n  fan-out-window: 5s\n"
                + "store:\n  max-links: 5000\n" + SECRET);

        RestartKeys.Kept kept = RestartKeys.keep(running, loaded);

        assertEquals(List.of("listen.port", "admin.host", "upstream.url", "links", "policy.double-click-window",
                "policy.link-ttl", "policy.fan-out-window", "store.max-links"), kept.changed());
        LinkgateConfig applied = kept.config();
        assertEquals(running.listen(), applied.listen());
        assertEquals(running.admin(), applied.admin());
        assertEquals(running.upstream().url(), applied.upstream().url());
        assertEquals(Duration.ofSeconds(7), applied.upstream().responseTimeout(), "the upstream timeouts apply");
        assertEquals(running.links(), applied.links());
        assertEquals(running.store(), applied.store());
        assertEquals(loaded.policy().mode(), applied.policy().mode(), "the mode applies");
        assertEquals(running.policy().linkTtl(), applied.policy().linkTtl());
        assertEquals(running.policy().doubleClickWindow(), applied.policy().doubleClickWindow());
        assertEquals(running.policy().fanOutWindow(), applied.policy().fanOutWindow());
    }

    @Test
    void aFileWithoutASecretKeepsTheRunningSecretInsteadOfARandomOne() {
        LinkgateConfig running = parse(BASE + SECRET);
        LinkgateConfig loaded = parse(BASE);
        RestartKeys.Kept kept = RestartKeys.keep(running, loaded);
        assertEquals(List.of(), kept.changed());
        assertArrayEquals(running.secret().bytes(), kept.config().secret().bytes());

        LinkgateConfig generated = parse(BASE);
        assertArrayEquals(generated.secret().bytes(),
                RestartKeys.keep(generated, parse(BASE)).config().secret().bytes(), "no secret then, none now: kept");
    }

    @Test
    void aNewSecretIsApplied() {
        LinkgateConfig running = parse(BASE + SECRET);
        LinkgateConfig loaded = parse(BASE + "secret: \"fedcba9876543210fedcba9876543210\"\n");
        assertArrayEquals(loaded.secret().bytes(), RestartKeys.keep(running, loaded).config().secret().bytes());
    }

    @Test
    void theLedgersResumeWindowCopyBudgetAndHistorySizeAreRestartKeys() {
        LinkgateConfig running = parse(BASE + SECRET);
        LinkgateConfig loaded = parse(BASE + SECRET + "policy:\n  resume-window: 2m\n"
                + "store:\n  max-copy-memory: 8MiB\n  history-events: 4\n");

        RestartKeys.Kept kept = RestartKeys.keep(running, loaded);

        assertEquals(List.of("policy.resume-window", "store.max-copy-memory", "store.history-events"), kept.changed());
        assertEquals(running.policy().resumeWindow(), kept.config().policy().resumeWindow());
        assertEquals(running.store(), kept.config().store());
    }

    @Test
    void theEdgeListenersAndUpstreamTlsAreRestartKeysWhileTheStreamLimitApplies(@TempDir Path dir) throws Exception {
        Path cert = Files.writeString(dir.resolve("tls.crt"), "only its presence is checked here");
        Path key = Files.writeString(dir.resolve("tls.key"), "likewise");
        LinkgateConfig running = parse(BASE + SECRET + "listen:\n  h2c: true\n");
        LinkgateConfig loaded = parse(SECRET + "links:\n  - path: \"/sign/{token}\"\n"
                + "upstream:\n  url: \"http://127.0.0.1:8081\"\n  tls:\n    verify: false\n"
                + "listen:\n  tls:\n    cert-file: \"" + cert + "\"\n    key-file: \"" + key + "\"\n"
                + "  http2: true\n  redirect-http-port: 8443\n"
                + "server:\n  http2:\n    max-concurrent-streams: 7\n");

        RestartKeys.Kept kept = RestartKeys.keep(running, loaded);

        assertEquals(List.of("listen.tls", "listen.http2", "listen.h2c", "listen.redirect-http-port", "upstream.tls"),
                kept.changed());
        assertNull(kept.config().edge().tls());
        assertTrue(kept.config().edge().h2c());
        assertEquals(0, kept.config().edge().redirectHttpPort());
        assertTrue(kept.config().edge().upstreamTls().verify());
        assertEquals(7, kept.config().edge().maxConcurrentStreams(), "new connections take the new stream limit");
    }

    @Test
    void theLogFormatAndTheLinkRoutesWithTheirNewKeysAreRestartKeys() {
        LinkgateConfig running = parse(BASE + SECRET + "logging:\n  format: json\n");
        LinkgateConfig loaded = parse("upstream:\n  url: \"http://127.0.0.1:8081\"\n"
                + "links:\n  - path: \"/sign/{token}\"\n    session-cookies: [sid]\n    sent-at: {query: ts}\n"
                + "logging:\n  format: text\n" + SECRET);

        RestartKeys.Kept kept = RestartKeys.keep(running, loaded);

        assertEquals(List.of("links", "logging.format"), kept.changed());
        assertEquals(running.links(), kept.config().links());
        assertEquals(running.logging(), kept.config().logging());
    }

    @Test
    void liveKeysApplyEvenWhenTheSameFileChangesARestartKey() {
        String token = "a-new-admin-token-of-32-characters";
        LinkgateConfig running = parse(BASE + SECRET);
        LinkgateConfig loaded = parse(BASE + SECRET + "admin:\n  token: \"" + token + "\"\n"
                + "policy:\n  browser-cookie: other-browser\n  just-sent-window: 2m\n  clock-skew: 1m\n"
                + "  continue-ttl: 3m\nstore:\n  max-links: 5000\n"
                + "detection:\n  cloud-networks: \"" + CLOUDS + "\"\n");

        RestartKeys.Kept kept = RestartKeys.keep(running, loaded);

        assertEquals(List.of("store.max-links"), kept.changed());
        LinkgateConfig applied = kept.config();
        assertTrue(applied.adminToken().matches(token), "the rotated admin token");
        assertFalse(applied.adminToken().matches("anything else"));
        assertEquals("other-browser", applied.policy().browserCookie());
        assertEquals(Duration.ofMinutes(2), applied.policy().justSentWindow());
        assertEquals(Duration.ofMinutes(1), applied.policy().clockSkew());
        assertEquals(Duration.ofMinutes(3), applied.policy().continueTtl());
        assertEquals(loaded.detection(), applied.detection());
    }

    private static final Path CLOUDS = Path.of(System.getProperty("linkgate.project.dir", ".."))
            .resolve("config/scanners/cloud-networks.txt").toAbsolutePath();

    @Test
    void ioThreadsNeedARestartAndKeepTheRunningLoopsWhileTheServerLimitsApply() {
        LinkgateConfig running = parse(BASE + SECRET + "server:\n  io-threads: 2\n");
        LinkgateConfig loaded = parse(BASE + SECRET + "server:\n  io-threads: 4\n  max-header-size: 32KiB\n");

        RestartKeys.Kept kept = RestartKeys.keep(running, loaded);

        assertEquals(List.of("server.io-threads"), kept.changed());
        assertEquals(2, kept.config().server().ioThreads());
        assertEquals(loaded.server().maxHeaderSize(), kept.config().server().maxHeaderSize());
    }

    @Test
    void theTransportNeedsARestartAndKeepsTheRunningLoops() {
        LinkgateConfig running = parse(BASE + SECRET + "server:\n  transport: epoll\n  io-threads: 2\n");
        LinkgateConfig loaded = parse(BASE + SECRET + "server:\n  transport: nio\n  io-threads: 2\n"
                + "  idle-timeout: 5s\n");

        RestartKeys.Kept kept = RestartKeys.keep(running, loaded);

        assertEquals(List.of("server.transport"), kept.changed());
        assertEquals(dev.linkgate.core.config.ServerConfig.Transport.EPOLL, kept.config().server().transport());
        assertEquals(Duration.ofSeconds(5), kept.config().server().idleTimeout());
    }
}
