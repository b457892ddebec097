package dev.linkgate.gateway.store;

import dev.linkgate.core.config.RedisConfig;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.ledger.ResumeLedgerContract;
import dev.linkgate.core.ledger.Visit;
import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.testing.MutableClock;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resume contract on a real Redis, and its TTLs: a copy's key lives as long as the resume window. */
class RedisResumeLedgerTest extends ResumeLedgerContract {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();
    private static final AtomicInteger prefixes = new AtomicInteger();
    private String prefix;

    @Override
    protected ClickLedger newLedger(LedgerSettings settings, MutableClock clock) {
        prefix = "r" + prefixes.incrementAndGet() + ":";
        return new RedisClickLedger(new RedisConfig(redis.uri(), Duration.ofSeconds(2), prefix), settings, clock);
    }

    @Test
    void theCopysKeyExpiresWithTheResumeWindowNotTheDoubleClickWindow() {
        LinkId link = newLink();
        await(ledger.visit(new Visit(link, ALICE, NET_A, true, true)));
        await(ledger.complete(link, ALICE, copy("alice"), ALICES_BROWSER));
        RedisCommands<String, String> inspect = redis.inspect();
        long ttl = inspect.pttl(new String(new RedisKeys(prefix).response(link)));
        assertTrue(ttl > Duration.ofMinutes(9).toMillis() && ttl <= RESUME.toMillis(), "PTTL " + ttl);
        assertEquals(ALICES_BROWSER.hex(), inspect.hget(new String(new RedisKeys(prefix).link(link)), "b"),
                "the owner browser is kept with the link");
    }
}
