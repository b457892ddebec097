package dev.linkgate.gateway.store;

import dev.linkgate.core.config.RedisConfig;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.ledger.LinkState;
import dev.linkgate.core.ledger.LinkView;
import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.core.ledger.Visit;
import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two replicas (two Lettuce clients) on one Redis see one ledger. */
class SharedRedisLedgerTest {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static final long ALICE = 0x1111L;
    private static final long MALLORY = 0x2222L;
    private static final long NET_A = 0x4_00CB_0071L;
    private static final LedgerSettings SETTINGS =
            new LedgerSettings(Duration.ofHours(72), 1000, Duration.ofSeconds(2), Duration.ofSeconds(2));

    private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
    private RedisClickLedger east;
    private RedisClickLedger west;

    @BeforeEach
    void open() {
        RedisConfig config = new RedisConfig(redis.uri(), Duration.ofSeconds(2), "s" + System.nanoTime() + ":");
        east = new RedisClickLedger(config, SETTINGS, clock);
        west = new RedisClickLedger(config, SETTINGS, clock);
    }

    @AfterEach
    void close() {
        east.close();
        west.close();
    }

    @Test
    void aClaimOnOneReplicaIsSeenByTheOther() {
        LinkId link = LinkId.of("shared-claim");
        assertTrue(await(east.visit(new Visit(link, ALICE, NET_A, true, true))).claimedNow());
        LinkView second = await(west.visit(new Visit(link, MALLORY, NET_A, true, true)));
        assertFalse(second.claimedNow(), "the double click on another replica is not forwarded again");
        assertEquals(LinkState.IN_FLIGHT, second.state());
        assertEquals(ALICE, second.owner());
    }

    @Test
    void aNonceSpentOnOneReplicaIsRejectedOnTheOther() {
        Instant expires = clock.instant().plus(Duration.ofMinutes(10));
        assertTrue(await(east.spendNonce("shared-nonce", expires)));
        assertFalse(await(west.spendNonce("shared-nonce", expires)));
    }

    @Test
    void aResponseCopyIsReadableOnTheOtherReplicaByItsOwnerOnly() {
        LinkId link = LinkId.of("shared-response");
        await(east.visit(new Visit(link, ALICE, NET_A, true, true)));
        SharedResponse copy = new SharedResponse(302, List.of(Map.entry("Set-Cookie", "session=abc")),
                "moved".getBytes(StandardCharsets.UTF_8));
        assertTrue(await(east.complete(link, ALICE, copy)));
        SharedResponse seen = await(west.sharedResponse(link, ALICE)).orElseThrow();
        assertEquals(302, seen.status());
        assertEquals(copy.headers(), seen.headers());
        assertArrayEquals(copy.body(), seen.body());
        assertTrue(await(west.sharedResponse(link, MALLORY)).isEmpty());
    }

    @Test
    void theSizeEstimateAddsUpTheReplicas() {
        for (int i = 0; i < 3; i++) {
            await(east.visit(new Visit(LinkId.of("east-" + i), ALICE, NET_A, true, true)));
            await(west.visit(new Visit(LinkId.of("west-" + i), ALICE, NET_A, true, true)));
        }
        await(east.refreshSize());
        assertEquals(6L, await(west.refreshSize()));
        assertEquals(6L, await(east.refreshSize()));
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("ledger operation failed", e);
        }
    }
}
