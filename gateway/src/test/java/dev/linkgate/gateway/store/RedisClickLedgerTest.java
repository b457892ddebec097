package dev.linkgate.gateway.store;

import dev.linkgate.core.config.RedisConfig;
import dev.linkgate.core.ledger.BrowserId;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.ClickLedgerContract;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.core.ledger.Visit;
import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.testing.MutableClock;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ledger contract on a real Redis, and what only Redis has: TTLs, hash slots, round trips. */
class RedisClickLedgerTest extends ClickLedgerContract {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static final AtomicInteger prefixes = new AtomicInteger();
    private String prefix;

    @Override
    protected ClickLedger newLedger(LedgerSettings settings, MutableClock clock) {
        prefix = "t" + prefixes.incrementAndGet() + ":";
        // A generous timeout: these tests are about semantics, on a machine shared with other builds.
        return new RedisClickLedger(new RedisConfig(redis.uri(), Duration.ofSeconds(2), prefix), settings, clock);
    }

    private RedisClickLedger redisLedger() {
        return (RedisClickLedger) ledger;
    }

    private RedisCommands<String, String> inspect() {
        return redis.inspect();
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = inspect().scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(100));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }

    private static SharedResponse copy(byte[] body) {
        return new SharedResponse(200, List.of(Map.entry("Set-Cookie", "s=1")), body);
    }

    private void useEveryKind(LinkId link) {
        await(ledger.visit(new Visit(link, ALICE, NET_A, true, true)));
        await(ledger.complete(link, ALICE, copy(new byte[] {1, 2, 3})));
        await(ledger.spendNonce("n-" + link.key(), clock.instant().plus(Duration.ofMinutes(10))));
        await(redisLedger().refreshSize());
    }

    @Test
    void everyKeyHasATtl() {
        useEveryKind(newLink());
        useEveryKind(newLink());
        List<String> keys = keys();
        assertEquals(7, keys.size(), "2 x (link, response, nonce) + created: " + keys);
        for (String key : keys) {
            assertTrue(inspect().pttl(key) > 0, key + " has no TTL");
        }
    }

    @Test
    void keysOfOneLinkShareAHashSlot() {
        LinkId link = newLink();
        useEveryKind(link);
        List<String> linkKeys = keys().stream().filter(k -> k.contains("{" + link.key() + "}")).toList();
        assertEquals(List.of(prefix + "link:{" + link.key() + "}", prefix + "response:{" + link.key() + "}"),
                linkKeys.stream().sorted().toList());
        assertEquals(SlotHash.getSlot(linkKeys.get(0)), SlotHash.getSlot(linkKeys.get(1)));
    }

    @Test
    void theLinkTtlRunsFromCreationInRealTimeToo() {
        LinkId link = newLink();
        await(ledger.visit(new Visit(link, ALICE, NET_A, true, true)));
        long ttl = inspect().pttl(prefix + "link:{" + link.key() + "}");
        assertTrue(ttl > Duration.ofHours(71).toMillis() && ttl <= Duration.ofHours(72).toMillis(), "ttl " + ttl);
        clock.advance(Duration.ofHours(1));
        await(ledger.complete(link, ALICE, null));
        assertTrue(inspect().pttl(prefix + "link:{" + link.key() + "}") <= ttl, "updates keep the creation TTL");
    }

    @Test
    void aNonceIsKeptUntilItsTokenExpires() {
        Instant expires = clock.instant().plus(Duration.ofMinutes(10));
        assertTrue(await(ledger.spendNonce("abc_-123", expires)));
        long ttl = inspect().pttl(prefix + "nonce:{abc_-123}");
        assertTrue(ttl > Duration.ofMinutes(9).toMillis() && ttl <= Duration.ofMinutes(10).toMillis(), "ttl " + ttl);
    }

    @Test
    void eachOperationIsOneRoundTrip() {
        List<String> sent = new ArrayList<>();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                synchronized (sent) {
                    sent.add(event.getCommand().getType().toString());
                }
            }
        };
        Duration timeout = Duration.ofSeconds(2);
        ledger.close();
        ledger = new RedisClickLedger(new RedisSession(RedisEndpoint.parse(redis.uri()), timeout, listener),
                new RedisKeys(prefix), settings(), clock);
        LinkId link = newLink();
        Map<String, Supplier<CompletionStage<?>>> ops = new LinkedHashMap<>();
        ops.put("visit", () -> ledger.visit(new Visit(link, ALICE, NET_A, true, true)));
        ops.put("complete", () -> ledger.complete(link, ALICE, copy(new byte[] {7})));
        ops.put("sharedResponse", () -> ledger.sharedResponse(link, ALICE));
        ops.put("resumeCopy", () -> ledger.resumeCopy(link, new BrowserId(1, 2)));
        ops.put("takeOver", () -> ledger.takeOver(link, MALLORY));
        ops.put("release", () -> ledger.release(link, MALLORY));
        ops.put("lookup", () -> ledger.lookup(link));
        ops.put("spendNonce", () -> ledger.spendNonce("once-" + System.nanoTime(), clock.instant().plusSeconds(60)));
        for (Supplier<CompletionStage<?>> op : ops.values()) {
            await(op.get()); // warm: the first EVALSHA of a script on a fresh server is NOSCRIPT + EVAL
        }
        for (Map.Entry<String, Supplier<CompletionStage<?>>> op : ops.entrySet()) {
            synchronized (sent) {
                sent.clear();
            }
            await(op.getValue().get());
            synchronized (sent) {
                assertEquals(1, sent.size(), op.getKey() + " sent " + sent);
            }
        }
    }

    @Test
    void scriptsRunAgainAfterTheServerForgetsThem() {
        LinkId link = newLink();
        await(ledger.visit(new Visit(link, ALICE, NET_A, true, true)));
        inspect().scriptFlush();
        assertTrue(await(ledger.complete(link, ALICE, null)), "NOSCRIPT falls back to EVAL");
    }

    @Test
    void responseCopiesAreBinarySafe() {
        byte[] body = new byte[256];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        LinkId link = newLink();
        await(ledger.visit(new Visit(link, ALICE, NET_A, true, true)));
        await(ledger.complete(link, ALICE, copy(body)));
        assertArrayEquals(body, await(ledger.sharedResponse(link, ALICE)).orElseThrow().body());
    }

    @Test
    void sizeCountsLinksCreatedWithinTheTtl() {
        for (int i = 0; i < 5; i++) {
            await(ledger.visit(new Visit(newLink(), ALICE, NET_A, true, true)));
        }
        LinkId known = newLink();
        await(ledger.visit(new Visit(known, ALICE, NET_A, true, true)));
        await(ledger.visit(new Visit(known, ALICE, NET_A, true, true)));
        assertEquals(0, ledger.size(), "cached until refreshed");
        assertEquals(6L, await(redisLedger().refreshSize()));
        assertEquals(6, ledger.size());
        clock.advance(Duration.ofHours(73));
        assertEquals(0L, await(redisLedger().refreshSize()), "links created a TTL ago are gone");
    }
}
