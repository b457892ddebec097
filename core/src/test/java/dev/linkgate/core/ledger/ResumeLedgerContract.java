package dev.linkgate.core.ledger;

import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every ledger store keeps for resume: the browser that owns a link's first click, the first response's
 * copy for that browser alone within the resume window, and the copy memory budget (oldest dropped first).
 * Subclasses give a fresh, empty store; the same tests run against the in-memory store and Redis.
 */
public abstract class ResumeLedgerContract {
    protected static final long ALICE = 0x1111L;
    protected static final long MALLORY = 0x2222L;
    protected static final long NET_A = 0x4_00CB_0071L;
    protected static final BrowserId ALICES_BROWSER = new BrowserId(0x0A11_CE00_0000_0001L, 0x7E57_0000_0000_0001L);
    protected static final BrowserId OTHER_BROWSER = new BrowserId(0x0A11_CE00_0000_0001L, 0x7E57_0000_0000_0002L);
    protected static final Duration RESUME = Duration.ofMinutes(10);

    protected final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
    protected ClickLedger ledger;
    private int links;

    protected abstract ClickLedger newLedger(LedgerSettings settings, MutableClock clock) throws Exception;

    protected static LedgerSettings settings(long maxCopyMemory) {
        return new LedgerSettings(Duration.ofHours(72), 1000, Duration.ofSeconds(2), Duration.ofSeconds(2), RESUME,
                maxCopyMemory);
    }

    @BeforeEach
    void openLedger() throws Exception {
        ledger = newLedger(settings(1 << 20), clock);
    }

    @AfterEach
    void closeLedger() {
        ledger.close();
    }

    protected LinkId newLink() {
        return LinkId.of("resume-link-" + getClass().getSimpleName() + "-" + System.nanoTime() + "-" + (links++));
    }

    protected static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("ledger operation failed", e);
        }
    }

    protected static SharedResponse copy(String body) {
        return new SharedResponse(200, List.of(Map.entry("Set-Cookie", "sid=" + body)),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** Alice's browser opens the link and the app answers with {@code copy}. */
    private LinkId openedByAlice(ClickLedger on, SharedResponse copy) {
        LinkId link = newLink();
        assertTrue(await(on.visit(new Visit(link, ALICE, NET_A, true, true))).claimedNow());
        assertTrue(await(on.complete(link, ALICE, copy, ALICES_BROWSER)));
        return link;
    }

    private LinkView look(LinkId link) {
        return await(ledger.lookup(link)).orElseThrow();
    }

    @Test
    void theOwnerBrowserGetsTheFirstResponseAgainWithinTheResumeWindow() {
        SharedResponse first = copy("alice-session");
        LinkId link = openedByAlice(ledger, first);
        clock.advance(RESUME.minusSeconds(1));

        LinkView view = await(ledger.visit(new Visit(link, ALICE, NET_A, true, true)));
        assertTrue(view.resumableBy(ALICES_BROWSER), "the view names the owner and says the copy is held");
        assertEquals(Optional.of(first), await(ledger.resumeCopy(link, ALICES_BROWSER)));
    }

    @Test
    void noOtherBrowserEverGetsTheCopyEvenWithTheSameFingerprint() {
        LinkId link = openedByAlice(ledger, copy("alice-session"));
        clock.advance(Duration.ofMinutes(1));

        assertFalse(look(link).resumableBy(OTHER_BROWSER));
        assertFalse(look(link).resumableBy(null));
        assertEquals(Optional.empty(), await(ledger.resumeCopy(link, OTHER_BROWSER)));
        assertEquals(Optional.empty(), await(ledger.resumeCopy(link, null)));
        assertEquals(Optional.empty(), await(ledger.sharedResponse(link, ALICE)),
                "past the double-click window the fingerprint alone no longer gets the copy");
    }

    @Test
    void afterTheResumeWindowTheCopyIsGone() {
        LinkId link = openedByAlice(ledger, copy("alice-session"));
        clock.advance(RESUME.plusMillis(1));

        assertFalse(look(link).copyHeld());
        assertFalse(look(link).resumableBy(ALICES_BROWSER));
        assertEquals(Optional.empty(), await(ledger.resumeCopy(link, ALICES_BROWSER)));
        assertEquals(LinkState.FORWARDED, look(link).state(), "the link itself is still used");
    }

    @Test
    void aTakeOverEndsTheFormerOwnersResume() {
        LinkId link = openedByAlice(ledger, copy("alice-session"));
        clock.advance(Duration.ofMinutes(1));
        await(ledger.takeOver(link, MALLORY));
        assertTrue(await(ledger.complete(link, MALLORY, copy("mallory-session"), OTHER_BROWSER)));

        assertEquals(Optional.empty(), await(ledger.resumeCopy(link, ALICES_BROWSER)));
        assertEquals(Optional.of(copy("mallory-session")), await(ledger.resumeCopy(link, OTHER_BROWSER)));
    }

    @Test
    void aLinkSettledWithoutABrowserCookieHasNoOwnerBrowser() {
        LinkId link = newLink();
        await(ledger.visit(new Visit(link, ALICE, NET_A, true, true)));
        await(ledger.complete(link, ALICE, copy("x"), null));

        assertNull(look(link).ownerBrowser());
        assertEquals(Optional.empty(), await(ledger.resumeCopy(link, ALICES_BROWSER)));
        assertEquals(Optional.of(copy("x")), await(ledger.sharedResponse(link, ALICE)), "the double click still works");
    }

    @Test
    void copiesBeyondTheBudgetDropTheOldestFirst() throws Exception {
        int size = copy("first-000").size();
        try (ClickLedger small = newLedger(settings(2L * size + size / 2), clock)) {
            LinkId first = openedByAlice(small, copy("first-000"));
            clock.advance(Duration.ofMillis(10));
            LinkId second = openedByAlice(small, copy("second-00"));
            clock.advance(Duration.ofMillis(10));
            LinkId third = openedByAlice(small, copy("third-000"));

            assertEquals(Optional.empty(), await(small.resumeCopy(first, ALICES_BROWSER)), "the oldest was dropped");
            assertFalse(await(small.lookup(first)).orElseThrow().copyHeld());
            assertEquals(Optional.of(copy("second-00")), await(small.resumeCopy(second, ALICES_BROWSER)));
            assertEquals(Optional.of(copy("third-000")), await(small.resumeCopy(third, ALICES_BROWSER)));
            assertEquals(1, small.copiesDropped());
        }
    }

    @Test
    void underATightBudgetAVisitOffersACopyExactlyWhenOneIsThere() throws Exception {
        int size = copy("link-000").size();
        try (ClickLedger small = newLedger(settings(5L * size), clock)) {
            List<LinkId> opened = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                opened.add(openedByAlice(small, copy("link-" + String.format("%03d", i))));
                clock.advance(Duration.ofMillis(5));
            }
            clock.advance(Duration.ofSeconds(3));
            int held = 0;
            for (int i = 0; i < opened.size(); i++) {
                LinkView view = await(small.visit(new Visit(opened.get(i), ALICE, NET_A, true, true)));
                Optional<SharedResponse> got = await(small.resumeCopy(opened.get(i), ALICES_BROWSER));
                assertEquals(got.isPresent(), view.resumableBy(ALICES_BROWSER), "link " + i);
                assertEquals(i >= 35, got.isPresent(), "only the last five fit, link " + i);
                String own = "link-" + String.format("%03d", i);
                got.ifPresent(c -> assertEquals(copy(own), c, "each browser gets its own link's copy"));
                held += got.isPresent() ? 1 : 0;
            }
            assertEquals(5, held);
            assertEquals(35, small.copiesDropped());
        }
    }

    @Test
    void aCopyLargerThanTheWholeBudgetIsNotKeptButTheLinkIsSettled() throws Exception {
        try (ClickLedger small = newLedger(settings(16), clock)) {
            LinkId link = openedByAlice(small, copy("far more than sixteen bytes"));
            LinkView view = await(small.lookup(link)).orElseThrow();
            assertEquals(LinkState.FORWARDED, view.state());
            assertFalse(view.copyHeld());
            assertEquals(Optional.empty(), await(small.resumeCopy(link, ALICES_BROWSER)));
            assertEquals(0, small.copiesDropped());
        }
    }
}
