package dev.linkgate.gateway.reload;

import dev.linkgate.core.config.ConfigLoader;
import dev.linkgate.core.config.LinkgateConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}
