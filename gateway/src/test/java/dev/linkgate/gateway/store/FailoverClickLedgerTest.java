package dev.linkgate.gateway.store;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.linkgate.core.config.RedisConfig;
import dev.linkgate.core.ledger.InMemoryClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.ledger.LinkState;
import dev.linkgate.core.ledger.Visit;
import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.testing.MutableClock;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.linkgate.gateway.testing.Poll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Redis goes away mid-test and comes back: the ledger keeps answering and returns to shared by itself. */
class FailoverClickLedgerTest {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static final long ALICE = 0x1111L;
    private static final long NET_A = 0x4_00CB_0071L;
    private static final LedgerSettings SETTINGS =
            new LedgerSettings(Duration.ofHours(72), 1000, Duration.ofSeconds(2), Duration.ofSeconds(2));

    private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
    private PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(FailoverClickLedger.class);
    private RedisClickLedger observer;
    private String prefix;
    private FailoverClickLedger ledger;

    @BeforeEach
    void open() throws Exception {
        redis.start();
        logs.start();
        logger.addAppender(logs);
        prefix = "f" + System.nanoTime() + ":";
        observer = observer();
        ledger = failover(Duration.ofMillis(500));
    }

    @AfterEach
    void close() throws Exception {
        logger.detachAppender(logs);
        if (ledger != null) {
            ledger.close();
        }
        if (observer != null) {
            observer.close();
        }
        redis.start();
    }

    @Test
    void anOutageFallsBackToTheLocalLedgerAndRecoversWithoutRestart() throws Exception {
        LinkId before = LinkId.of("claimed-before-the-outage");
        assertTrue(await(ledger.visit(claim(before))).claimedNow());
        assertEquals(LinkState.IN_FLIGHT, await(observer.lookup(before)).orElseThrow().state(), "shared");
        assertEquals(0.0, gauge());

        redis.stop();
        LinkId during = LinkId.of("claimed-during-the-outage");
        assertTrue(await(ledger.visit(claim(during))).claimedNow(), "the local ledger decides");
        assertTrue(await(ledger.complete(during, ALICE, null)));
        Instant expires = clock.instant().plusSeconds(600);
        assertTrue(await(ledger.spendNonce("n1", expires)));
        assertFalse(await(ledger.spendNonce("n1", expires)), "this replica still spends each nonce once");
        assertFalse(await(ledger.probeNow()), "still down");
        assertEquals(1.0, gauge());
        assertEquals(1.0, errors("visit"), "only the operation that found Redis gone tried it");
        assertEquals(1, warnings().size(), warnings().toString());
        assertTrue(warnings().get(0).contains("local ledger"), warnings().get(0));
        String down = registry.scrape();
        assertTrue(down.contains("\nlinkgate_store_fallback 1.0"), down);
        assertTrue(down.contains("\nlinkgate_store_errors_total{op=\"visit\"} 1.0"), down);

        redis.start();
        assertTrue(probeUntilShared(), "back to shared without a restart");
        assertEquals(0.0, gauge());
        assertEquals(2, warnings().size(), warnings().toString());
        assertTrue(warnings().get(1).contains("back to the shared ledger"), warnings().get(1));

        observer.close(); // another replica, connected after the restart (its own reconnect may lag)
        observer = observer();
        LinkId after = LinkId.of("claimed-after-the-outage");
        assertTrue(await(ledger.visit(claim(after))).claimedNow());
        assertEquals(ALICE, await(observer.lookup(after)).orElseThrow().owner(), "shared again");
        assertTrue(await(observer.lookup(during)).isEmpty(), "state written during fallback stays local");
        String scrape = registry.scrape();
        assertTrue(scrape.contains("linkgate_store_operation_duration_seconds_count{op=\"visit\"}"), scrape);
    }

    @Test
    void interstitialModeRefusesToDecideWhileRedisIsDown() throws Exception {
        ledger.close();
        String prefix = "i" + System.nanoTime() + ":";
        RedisClickLedger shared = new RedisClickLedger(new RedisConfig(redis.uri(), Duration.ofMillis(500), prefix),
                SETTINGS, clock);
        await(shared.connect());
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ledger = new FailoverClickLedger(shared, null, registry);

        redis.stop();
        assertInstanceOf(StoreUnavailableException.class, failure(ledger.visit(claim(LinkId.of("l1")))));
        assertInstanceOf(StoreUnavailableException.class, failure(ledger.spendNonce("n", clock.instant().plusSeconds(60))));
        assertEquals(1.0, errors("visit"));
        assertEquals(0.0, errors("spend_nonce"), "in fallback nothing waits on Redis");
        assertTrue(warnings().get(0).contains("interstitial"), warnings().toString());

        redis.start();
        assertTrue(probeUntilShared());
        assertTrue(await(ledger.visit(claim(LinkId.of("l1")))).claimedNow());
    }

    @Test
    void aRedisSlowerThanTheTimeoutSeveralTimesInARowCountsAsDown() throws Exception {
        ledger.close();
        ledger = failover(Duration.ofMillis(50));
        RedisClient admin = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> c = admin.connect()) {
            c.sync().clientPause(600); // every client waits 600 ms; our operations wait 50 ms
            long started = System.nanoTime();
            assertTrue(await(ledger.visit(claim(LinkId.of("slow")))).claimedNow(), "answered by the local ledger");
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(tookMillis < 500, "gave up on Redis after its timeout, not after the pause: " + tookMillis);
            assertFalse(ledger.inFallback(), "one slow answer is not an outage");
            for (int i = 1; i < FailoverClickLedger.TIMEOUTS_BEFORE_FALLBACK; i++) {
                assertTrue(await(ledger.visit(claim(LinkId.of("slow-" + i)))).claimedNow(), "answered locally");
            }
            assertTrue(ledger.inFallback(), "timeouts in a row are");
            assertEquals(FailoverClickLedger.TIMEOUTS_BEFORE_FALLBACK, errors("visit"));
        } finally {
            admin.shutdown(Duration.ofMillis(50), Duration.ofSeconds(2));
        }
        assertTrue(probeUntilShared());
    }

    @Test
    void aReplicaStartedWithoutRedisServesLocallyAndJoinsWhenRedisComes() throws Exception {
        ledger.close();
        redis.stop();
        RedisClickLedger shared = new RedisClickLedger(new RedisConfig(redis.uri(), Duration.ofMillis(500),
                "late" + System.nanoTime() + ":"), SETTINGS, clock);
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ledger = new FailoverClickLedger(shared, new InMemoryClickLedger(SETTINGS, clock), registry);
        assertTrue(await(ledger.visit(claim(LinkId.of("early")))).claimedNow(), "served by the local ledger");
        assertTrue(ledger.inFallback());

        redis.start();
        assertTrue(probeUntilShared(), "the probe opens the connection that failed at start");
        assertTrue(await(ledger.visit(claim(LinkId.of("later")))).claimedNow());
        assertEquals(1.0, errors("visit"));
    }

    @Test
    void aRedisThatAnswersPingButRefusesWritesStaysDown() throws Exception {
        RedisClient admin = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> c = admin.connect()) {
            c.sync().configSet("maxmemory-policy", "noeviction");
            c.sync().configSet("maxmemory", "1");
            try {
                assertTrue(await(ledger.visit(claim(LinkId.of("oom")))).claimedNow(), "answered locally");
                assertTrue(ledger.inFallback());
                assertEquals("PONG", c.sync().ping());
                assertFalse(await(ledger.probeNow()), "a PING would have switched back, only to fail again");
            } finally {
                c.sync().configSet("maxmemory", "0");
            }
            assertTrue(await(ledger.probeNow()));
            assertEquals(2, warnings().size(), warnings().toString());
        } finally {
            admin.shutdown(Duration.ofMillis(50), Duration.ofSeconds(2));
        }
    }

    private boolean probeUntilShared() throws Exception {
        // Lettuce reconnects on its own (at most a second apart); probe until it has.
        return Poll.until(Duration.ofSeconds(10), () -> await(ledger.probeNow()));
    }

    /**
     * Generous timeouts where timing is not the point (the machine may be busy); the probe is driven by hand
     * (probeNow), not scheduled.
     */
    private FailoverClickLedger failover(Duration timeout) {
        RedisClickLedger shared = new RedisClickLedger(new RedisConfig(redis.uri(), timeout, prefix), SETTINGS, clock);
        await(shared.connect());
        return new FailoverClickLedger(shared, new InMemoryClickLedger(SETTINGS, clock), registry);
    }

    private RedisClickLedger observer() {
        return new RedisClickLedger(new RedisConfig(redis.uri(), Duration.ofSeconds(2), prefix), SETTINGS, clock);
    }

    private static Visit claim(LinkId link) {
        return new Visit(link, ALICE, NET_A, true, true);
    }

    private double gauge() {
        return registry.get("linkgate.store.fallback").gauge().value();
    }

    private double errors(String op) {
        return registry.get("linkgate.store.errors").tag("op", op).counter().count();
    }

    private List<String> warnings() {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("ledger operation failed", e);
        }
    }

    private static Throwable failure(CompletionStage<?> stage) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> stage.toCompletableFuture().get(5, TimeUnit.SECONDS));
        return e.getCause();
    }
}
