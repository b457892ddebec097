package dev.linkgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkgate.core.config.RedisConfig;
import dev.linkgate.core.history.HistoryEvent;
import dev.linkgate.core.history.LinkHistory;
import dev.linkgate.core.history.LinkHistoryContract;
import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.testing.MutableClock;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The link history contract on a real Redis, and what only Redis has: the cap, the TTL, one hash slot. */
class RedisLinkHistoryTest extends LinkHistoryContract {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static final AtomicInteger prefixes = new AtomicInteger();
    private String prefix;

    @Override
    protected LinkHistory newHistory(int maxEvents, Duration ttl, MutableClock clock) throws Exception {
        prefix = "h" + prefixes.incrementAndGet() + ":";
        RedisLinkHistory h = new RedisLinkHistory(new RedisConfig(redis.uri(), Duration.ofSeconds(2), prefix),
                maxEvents, ttl);
        story(h, LinkId.of("warm-up")); // connected, so writes and reads go out in the order they are made
        return h;
    }

    @Test
    void theListIsCappedAndExpiresWithTheLinksTtl() throws Exception {
        LinkId link = LinkId.of("capped");
        for (int i = 0; i < 10; i++) {
            history.record(link, scanner(clock.instant().plusSeconds(i)));
        }
        history.record(link, person(clock.instant().plusSeconds(11)));
        story(history, link).orElseThrow();
        String list = prefix + "history:{" + link.key() + "}";
        String first = prefix + "history-first:{" + link.key() + "}";
        assertEquals(MAX_EVENTS, redis.inspect().llen(list));
        long ttl = redis.inspect().pttl(list);
        assertTrue(ttl > Duration.ofHours(71).toMillis() && ttl <= Duration.ofHours(72).toMillis(), "PTTL " + ttl);
        assertTrue(redis.inspect().pttl(first) > Duration.ofHours(71).toMillis());
        assertEquals(SlotHash.getSlot(list), SlotHash.getSlot(prefix + "link:{" + link.key() + "}"),
                "the history sits in the link's Cluster slot");
        assertTrue(redis.inspect().keys(prefix + "*").stream().noneMatch(k -> k.contains("capped")),
                "keys hold the link's hash, never its token");
    }

    @Test
    void anEventSurvivesItsLineEncoding() {
        HistoryEvent e = person(clock.instant());
        assertEquals(e, RedisLinkHistory.decode(RedisLinkHistory.encode(e)));
        HistoryEvent none = new HistoryEvent(clock.instant(), "link", "OTHER", e.action(), "bot", e.verdict(),
                List.of(), "10.0.0.0/24", null, "a\tb", 0, "host\tname");
        assertEquals("a b", RedisLinkHistory.decode(RedisLinkHistory.encode(none)).client());
    }
}
