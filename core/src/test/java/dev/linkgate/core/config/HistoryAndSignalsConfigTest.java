package dev.linkgate.core.config;

import static dev.linkgate.core.config.ConfigFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keys of issue 13: links[].sent-at, policy.just-sent-window / clock-skew, cloud-networks, history, token. */
class HistoryAndSignalsConfigTest {
    private static final String LINKS = """
            upstream:
              url: http://127.0.0.1:8081
            links:
              - path: /s
                query: t
                sent-at: {query: ts}
              - path: /sign/{token}
            """;

    @Test
    void theNewKeysHaveTheirDefaults() {
        LinkgateConfig config = parse(ConfigFixtures.MINIMAL);
        assertEquals(Duration.ofSeconds(60), config.policy().justSentWindow());
        assertEquals(Duration.ofMinutes(5), config.policy().clockSkew());
        assertEquals(ListSource.builtIn("cloud-networks.txt"), config.detection().cloudNetworks());
        assertEquals(8, config.store().historyEvents());
        assertNull(config.adminToken());
        assertNull(config.links().get(0).sentAt());
    }

    @Test
    void everyNewKeyIsRead() {
        LinkgateConfig config = parse(LINKS + """
                admin:
                  token: "${ADMIN_TOKEN}"
                policy:
                  just-sent-window: 2m
                  clock-skew: 30s
                detection:
                  cloud-networks: /etc/linkgate/clouds.txt
                store:
                  history-events: 0
                """, Map.of("ADMIN_TOKEN", "s3cret-s3cret-s3cret"));
        assertEquals(new LinkRoute("/s", "t", "ts"), config.links().get(0));
        assertEquals(Duration.ofMinutes(2), config.policy().justSentWindow());
        assertEquals(Duration.ofSeconds(30), config.policy().clockSkew());
        assertEquals(ListSource.file(Path.of("/etc/linkgate/clouds.txt")), config.detection().cloudNetworks());
        assertEquals(0, config.store().historyEvents());
        assertTrue(config.adminToken().matches("s3cret-s3cret-s3cret"));
        assertFalse(config.adminToken().matches("s3cret-s3cret-s3cre"));
        assertFalse(config.adminToken().toString().contains("s3cret"));
    }

    @Test
    void badValuesNameTheirKeyAndLine() {
        assertError(LINKS + "store:\n  history-events: 65\n", "store.history-events", "line 9,");
        assertError(LINKS + "policy:\n  just-sent-window: 0s\n", "policy.just-sent-window", "line 9,");
        assertError(LINKS + "policy:\n  clock-skew: soon\n", "policy.clock-skew", "line 9,");
        assertError(LINKS + "admin:\n  token: short\n", "admin.token", "at least 16 characters");
        assertError("""
                upstream:
                  url: http://127.0.0.1:8081
                links:
                  - path: /s
                    query: t
                    sent-at: {query: t}
                """, "links[0].sent-at", "must differ");
        assertError("""
                upstream:
                  url: http://127.0.0.1:8081
                links:
                  - path: /s
                    query: t
                    sent-at: {qurey: ts}
                """, "links[0].sent-at.qurey", "query");
    }

    private static void assertError(String yaml, String key, String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml, Map.of()));
        assertTrue(e.getMessage().contains(key), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }
}
