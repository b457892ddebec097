package dev.linkgate.core.ledger;

import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    @Test
    void responseCopiesAreReleasedWhenTheirRetentionEndsEvenIfNobodyAsks() {
        InMemoryClickLedger ledger = new InMemoryClickLedger(
                new LedgerSettings(Duration.ofHours(72), 100_000, Duration.ofSeconds(2), Duration.ofSeconds(2)), clock);
        SharedResponse copy = new SharedResponse(302, List.of(Map.entry("Location", "/doc")), new byte[0]);
        for (int i = 0; i < 1000; i++) {
            LinkId link = LinkId.of("copied-" + i);
            await(ledger.visit(new Visit(link, ALICE, NET_A, true, true)));
            await(ledger.complete(link, ALICE, copy));
        }
        assertEquals(1000, ledger.copiesHeld());
        clock.advance(Duration.ofSeconds(3));
        for (int i = 0; i < 1000; i++) {
            await(ledger.visit(new Visit(LinkId.of("later-" + i), ALICE, NET_A, true, true)));
        }
        assertEquals(0, ledger.copiesHeld(), "a copy outlives its retention only until its shard's next insert");
        assertEquals(2000, ledger.size(), "the links themselves are kept for their TTL");
    }

    @Test
    void aSecondCompletionKeepsItsOwnCopyForItsWholeRetention() {
        InMemoryClickLedger ledger = new InMemoryClickLedger(
                new LedgerSettings(Duration.ofHours(72), 10_000, Duration.ofSeconds(2), Duration.ofSeconds(2)), clock);
        SharedResponse first = new SharedResponse(302, List.of(Map.entry("Location", "/first")), new byte[0]);
        SharedResponse second = new SharedResponse(302, List.of(Map.entry("Location", "/second")), new byte[0]);
        LinkId link = LinkId.of("taken-over");
        await(ledger.visit(new Visit(link, ALICE, NET_A, true, true)));
        await(ledger.complete(link, ALICE, first));
        clock.advance(Duration.ofSeconds(1));
        await(ledger.takeOver(link, MALLORY));
        await(ledger.complete(link, MALLORY, second));
        clock.advance(Duration.ofMillis(1500));
        for (int i = 0; i < 1000; i++) { // an insert into every shard
            await(ledger.visit(new Visit(LinkId.of("after-" + i), ALICE, NET_A, true, true)));
        }
        assertEquals(second, await(ledger.sharedResponse(link, MALLORY)).orElseThrow(),
                "the first copy's end does not drop the second");
    }
}
