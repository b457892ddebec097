package dev.linkgate.gateway.store;

import dev.linkgate.core.config.RedisConfig;
import dev.linkgate.core.config.StoreConfig;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.InMemoryClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.ledger.Visit;
import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClickLedgersTest {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static final LedgerSettings SETTINGS =
            new LedgerSettings(Duration.ofHours(72), 1000, Duration.ofSeconds(2), Duration.ofSeconds(2));
    private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");

    @Test
    void memoryIsThisProcesssLedger() {
        try (ClickLedger ledger = ClickLedgers.create(
                new StoreConfig(StoreConfig.Type.MEMORY, 1000, RedisConfig.defaults(), StoreConfig.OnFailure.LOCAL), SETTINGS, clock, new SimpleMeterRegistry())) {
            assertInstanceOf(InMemoryClickLedger.class, ledger);
        }
    }

    @Test
    void redisIsTheSharedLedgerWithFailover() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // A generous timeout: a cold first script on a busy machine must not flip this test into fallback.
        StoreConfig store = new StoreConfig(StoreConfig.Type.REDIS, 1000,
                new RedisConfig(redis.uri(), Duration.ofSeconds(1), "linkgate:"), StoreConfig.OnFailure.LOCAL);
        try (ClickLedger ledger = ClickLedgers.create(store, SETTINGS, clock, registry)) {
            assertInstanceOf(FailoverClickLedger.class, ledger);
            LinkId link = LinkId.of("factory");
            assertTrue(ledger.visit(new Visit(link, 1, 2, true, true)).toCompletableFuture()
                    .get(5, TimeUnit.SECONDS).claimedNow());
            assertEquals(0.0, registry.get("linkgate.store.fallback").gauge().value());
            assertEquals(1L, registry.get("linkgate.store.operation.duration").tag("op", "visit").timer().count());
        }
    }

    @Test
    void redisConfigIsChecked() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        assertThrows(IllegalArgumentException.class, () -> ClickLedgers.create(
                new StoreConfig(StoreConfig.Type.REDIS, 1000, null, StoreConfig.OnFailure.LOCAL), SETTINGS, clock, registry));
        assertThrows(IllegalArgumentException.class, () -> ClickLedgers.create(new StoreConfig(StoreConfig.Type.REDIS,
                1000, new RedisConfig(redis.uri(), Duration.ZERO, null), null), SETTINGS, clock, registry));
        assertThrows(IllegalArgumentException.class, () -> ClickLedgers.create(new StoreConfig(StoreConfig.Type.REDIS,
                1000, new RedisConfig("localhost:6379", null, null), null), SETTINGS, clock, registry));
    }
}
