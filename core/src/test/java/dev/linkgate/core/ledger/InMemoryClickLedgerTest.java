package dev.linkgate.core.ledger;

import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryClickLedgerTest extends ClickLedgerContract {

    @Override
    protected ClickLedger newLedger(LedgerSettings settings, MutableClock clock) {
        return new InMemoryClickLedger(settings, clock);
    }

    @Test
    void theBoundEvictsTheOldestLinks() {
        InMemoryClickLedger small = new InMemoryClickLedger(
                new LedgerSettings(Duration.ofHours(72), 64, Duration.ofSeconds(2), Duration.ofSeconds(2)), clock);
        LinkId first = LinkId.of("first");
        await(small.visit(new Visit(first, ALICE, NET_A, true, true)));
        for (int i = 0; i < 10_000; i++) {
            clock.advance(Duration.ofMillis(1));
            await(small.visit(new Visit(LinkId.of("link-" + i), ALICE, NET_A, true, true)));
        }
        assertTrue(small.size() <= 64, "bounded, was " + small.size());
        assertTrue(await(small.lookup(first)).isEmpty(), "the oldest link was evicted");
    }

    @Test
    void expiredLinksAreSweptOnInsert() {
        ClickLedger ledger = new InMemoryClickLedger(
                new LedgerSettings(Duration.ofHours(72), 100_000, Duration.ofSeconds(2), Duration.ofSeconds(2)), clock);
        for (int i = 0; i < 100; i++) {
            await(ledger.visit(new Visit(LinkId.of("old-" + i), ALICE, NET_A, true, true)));
        }
        assertEquals(100, ledger.size());
        clock.advance(Duration.ofHours(73));
        for (int i = 0; i < 1000; i++) {
            await(ledger.visit(new Visit(LinkId.of("new-" + i), ALICE, NET_A, true, true)));
        }
        assertEquals(1000, ledger.size(), "inserts into every shard swept its expired links from the head");
    }
}
