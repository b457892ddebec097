package dev.linkgate.core.ledger;

import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link ClickLedger} store keeps. Subclasses give a fresh, empty store using the
 * given settings and clock; the same tests run against the in-memory store and Redis.
 */
public abstract class ClickLedgerContract {
    protected static final long ALICE = 0x1111L;
    protected static final long MALLORY = 0x2222L;
    protected static final long NET_A = 0x4_00CB_0071L;
    protected static final long NET_B = 0x4_00C6_3364L;
    protected static final long NET_C = 0x4_00C0_0002L;

    protected final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
    protected ClickLedger ledger;
    private int links;

    protected abstract ClickLedger newLedger(LedgerSettings settings, MutableClock clock) throws Exception;

    protected LedgerSettings settings() {
        return new LedgerSettings(Duration.ofHours(72), 1000, Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @BeforeEach
    void openLedger() throws Exception {
        ledger = newLedger(settings(), clock);
    }

    @AfterEach
    void closeLedger() {
        ledger.close();
    }

    protected LinkId newLink() {
        return LinkId.of("contract-link-" + getClass().getSimpleName() + "-" + System.nanoTime() + "-" + (links++));
    }

    protected static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("ledger operation failed", e);
        }
    }

    private LinkView claim(LinkId link, long who, long net) {
        return await(ledger.visit(new Visit(link, who, net, true, true)));
    }

    @Test
    void firstClaimOnAnOpenLinkSucceeds() {
        LinkView view = claim(newLink(), ALICE, NET_A);
        assertTrue(view.claimedNow());
        assertEquals(LinkState.IN_FLIGHT, view.state());
        assertEquals(ALICE, view.owner());
        assertEquals(clock.instant(), view.claimedAt());
        assertNull(view.firstOpenedAt(), "not opened until the upstream answers");
    }

    @Test
    void secondClaimOnAClaimedLinkFailsAndShowsTheOwner() {
        LinkId link = newLink();
        claim(link, ALICE, NET_A);
        LinkView second = claim(link, MALLORY, NET_A);
        assertFalse(second.claimedNow());
        assertEquals(LinkState.IN_FLIGHT, second.state());
        assertEquals(ALICE, second.owner());
    }

    @Test
    void visitWithoutClaimLeavesTheLinkOpen() {
        LinkId link = newLink();
        LinkView view = await(ledger.visit(new Visit(link, MALLORY, NET_A, false, false)));
        assertEquals(LinkState.OPEN, view.state());
        assertFalse(view.claimedNow());
        assertTrue(claim(link, ALICE, NET_A).claimedNow());
    }

    @Test
    void completeMakesTheLinkForwardedAndRecordsWhenItWasFirstOpened() {
        LinkId link = newLink();
        Instant clickedAt = clock.instant();
        claim(link, ALICE, NET_A);
        clock.advance(Duration.ofMillis(300));
        assertTrue(await(ledger.complete(link, ALICE, null)));
        LinkView view = await(ledger.lookup(link)).orElseThrow();
        assertEquals(LinkState.FORWARDED, view.state());
        assertEquals(clickedAt, view.firstOpenedAt());
        assertFalse(claim(link, ALICE, NET_A).claimedNow(), "a forwarded link is never claimed again by a visit");
    }

    @Test
    void onlyTheOwnerCompletesOrReleases() {
        LinkId link = newLink();
        claim(link, ALICE, NET_A);
        assertFalse(await(ledger.complete(link, MALLORY, null)));
        assertFalse(await(ledger.release(link, MALLORY)));
        assertEquals(LinkState.IN_FLIGHT, await(ledger.lookup(link)).orElseThrow().state());
    }

    @Test
    void releaseAfterAFailedForwardOpensTheLinkAgain() {
        LinkId link = newLink();
        claim(link, ALICE, NET_A);
        assertTrue(await(ledger.release(link, ALICE)));
        LinkView view = await(ledger.lookup(link)).orElseThrow();
        assertEquals(LinkState.OPEN, view.state());
        assertNull(view.firstOpenedAt());
        assertTrue(claim(link, ALICE, NET_A).claimedNow(), "a failed forward never burns a link");
    }

    @Test
    void releaseOfATakeOverOnAUsedLinkLeavesItUsed() {
        LinkId link = newLink();
        claim(link, ALICE, NET_A);
        await(ledger.complete(link, ALICE, null));
        await(ledger.takeOver(link, MALLORY));
        assertTrue(await(ledger.release(link, MALLORY)));
        LinkView view = await(ledger.lookup(link)).orElseThrow();
        assertEquals(LinkState.FORWARDED, view.state());
        assertNotNull(view.firstOpenedAt());
    }

    @Test
    void takeOverClaimsAUsedLinkForAnotherBrowser() {
        LinkId link = newLink();
        claim(link, ALICE, NET_A);
        await(ledger.complete(link, ALICE, null));
        LinkView view = await(ledger.takeOver(link, MALLORY));
        assertEquals(LinkState.IN_FLIGHT, view.state());
        assertEquals(MALLORY, view.owner());
        assertTrue(view.claimedNow());
        assertTrue(await(ledger.complete(link, MALLORY, null)));
    }

    @Test
    void sharedResponseGoesOnlyToTheOwnerWithinTheRetention() {
        LinkId link = newLink();
        claim(link, ALICE, NET_A);
        SharedResponse copy = new SharedResponse(302, List.of(Map.entry("Set-Cookie", "session=abc"),
                Map.entry("Location", "/doc")), "moved".getBytes(StandardCharsets.UTF_8));
        assertTrue(await(ledger.complete(link, ALICE, copy)));
        Optional<SharedResponse> mine = await(ledger.sharedResponse(link, ALICE));
        assertTrue(mine.isPresent());
        assertEquals(302, mine.get().status());
        assertEquals(copy.headers(), mine.get().headers());
        assertArrayEquals(copy.body(), mine.get().body());
        assertTrue(await(ledger.sharedResponse(link, MALLORY)).isEmpty(), "never another browser's response");
        clock.advance(Duration.ofSeconds(3));
        assertTrue(await(ledger.sharedResponse(link, ALICE)).isEmpty(), "copies live for the retention only");
    }

    @Test
    void noSharedResponseWhileInFlight() {
        LinkId link = newLink();
        claim(link, ALICE, NET_A);
        assertTrue(await(ledger.sharedResponse(link, ALICE)).isEmpty());
    }

    @Test
    void twoNetworksWithinTheWindowBlockTheClaim() {
        LinkId link = newLink();
        LinkView first = await(ledger.visit(new Visit(link, MALLORY, NET_A, true, false)));
        assertEquals(1, first.recentNetworks());
        clock.advance(Duration.ofMillis(500));
        LinkView second = claim(link, ALICE, NET_B);
        assertEquals(2, second.recentNetworks());
        assertFalse(second.claimedNow(), "fan-out: two networks within the window");
    }

    @Test
    void sameNetworkTwiceIsNoFanOut() {
        LinkId link = newLink();
        await(ledger.visit(new Visit(link, ALICE, NET_A, true, false)));
        LinkView second = claim(link, ALICE, NET_A);
        assertEquals(1, second.recentNetworks());
        assertTrue(second.claimedNow());
    }

    @Test
    void networksOutsideTheWindowDoNotCount() {
        LinkId link = newLink();
        await(ledger.visit(new Visit(link, MALLORY, NET_A, true, false)));
        clock.advance(Duration.ofMillis(2500));
        LinkView view = claim(link, ALICE, NET_B);
        assertEquals(1, view.recentNetworks());
        assertTrue(view.claimedNow());
    }

    @Test
    void requestsWithScannerSignalsAreNotCountedForFanOut() {
        LinkId link = newLink();
        await(ledger.visit(new Visit(link, MALLORY, NET_A, false, false)));
        await(ledger.visit(new Visit(link, MALLORY, NET_C, false, false)));
        LinkView view = claim(link, ALICE, NET_B);
        assertEquals(1, view.recentNetworks());
        assertTrue(view.claimedNow(), "a known scanner's own hits must not make the person suspect");
    }

    @Test
    void threeNetworksCountAtLeastTwo() {
        LinkId link = newLink();
        await(ledger.visit(new Visit(link, MALLORY, NET_A, true, false)));
        await(ledger.visit(new Visit(link, MALLORY, NET_B, true, false)));
        LinkView view = await(ledger.visit(new Visit(link, MALLORY, NET_C, true, false)));
        assertTrue(view.recentNetworks() >= 2);
    }

    @Test
    void ownersAreWholeSixtyFourBitIds() {
        // Stores that keep numbers as doubles (Lua in Redis) would confuse these two.
        long owner = 0x7FFF_FFFF_FFFF_FFF1L;
        LinkId link = newLink();
        assertEquals(owner, claim(link, owner, NET_A).owner());
        assertFalse(await(ledger.complete(link, owner + 1, null)));
        assertTrue(await(ledger.complete(link, owner, null)));
        assertEquals(owner, await(ledger.lookup(link)).orElseThrow().owner());
        assertEquals(Long.MIN_VALUE, await(ledger.takeOver(link, Long.MIN_VALUE)).owner());
    }

    @Test
    void takeOverDropsThePreviousOwnersResponseCopy() {
        LinkId link = newLink();
        claim(link, ALICE, NET_A);
        await(ledger.complete(link, ALICE, new SharedResponse(200, List.of(), new byte[] {1})));
        await(ledger.takeOver(link, MALLORY));
        assertTrue(await(ledger.complete(link, MALLORY, null)));
        assertTrue(await(ledger.sharedResponse(link, ALICE)).isEmpty());
        assertTrue(await(ledger.sharedResponse(link, MALLORY)).isEmpty());
    }

    @Test
    void nonceIsSpentOnlyOnce() {
        Instant expires = clock.instant().plus(Duration.ofMinutes(10));
        String nonce = "nonce-" + System.nanoTime();
        assertTrue(await(ledger.spendNonce(nonce, expires)));
        assertFalse(await(ledger.spendNonce(nonce, expires)));
        assertTrue(await(ledger.spendNonce(nonce + "x", expires)));
    }

    @Test
    void linksAreForgottenAfterTheirTtl() {
        LinkId link = newLink();
        claim(link, ALICE, NET_A);
        await(ledger.complete(link, ALICE, null));
        clock.advance(Duration.ofHours(72).plusSeconds(1));
        assertTrue(await(ledger.lookup(link)).isEmpty());
        assertTrue(claim(link, ALICE, NET_A).claimedNow());
    }

    @Test
    void lookupOfAnUnknownLinkIsEmpty() {
        assertTrue(await(ledger.lookup(newLink())).isEmpty());
    }

    @Test
    void concurrentClaimsHaveExactlyOneWinner() throws Exception {
        LinkId link = newLink();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            AtomicInteger winners = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                long who = 1000 + i;
                futures.add(pool.submit(() -> {
                    if (claim(link, who, NET_A).claimedNow()) {
                        winners.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertEquals(1, winners.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
