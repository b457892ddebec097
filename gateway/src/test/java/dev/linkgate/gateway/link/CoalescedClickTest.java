package dev.linkgate.gateway.link;

import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.detect.Verdict;
import dev.linkgate.core.ledger.BrowserId;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.LinkState;
import dev.linkgate.core.ledger.Visit;
import dev.linkgate.core.ledger.LinkView;
import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.core.policy.Action;
import dev.linkgate.core.policy.Decision;
import dev.linkgate.core.policy.Reason;
import dev.linkgate.core.request.LinkId;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The double click's wait, on an EmbeddedChannel's loop with time moved by hand. */
class CoalescedClickTest {
    private static final long BROWSER = 42;
    private static final Decision COALESCE = new Decision(Action.COALESCE, Reason.DOUBLE_CLICK, Action.COALESCE,
            new Classification(Verdict.HUMAN, List.of()), LinkId.of("tok"), BROWSER, null, false, null, List.of());
    private static final SharedResponse COPY = new SharedResponse(200, List.of(Map.entry("Set-Cookie", "s=1")),
            "first".getBytes());

    /** A ledger on another replica: the first click is in flight until the test says it is done. */
    private static final class RemoteLedger implements ClickLedger {
        volatile LinkState state = LinkState.IN_FLIGHT;
        volatile SharedResponse copy;
        int lookups;

        @Override
        public CompletionStage<Optional<LinkView>> lookup(LinkId link) {
            lookups++;
            return CompletableFuture.completedFuture(Optional.of(
                    new LinkView(state, BROWSER, Instant.EPOCH, null, 1, false)));
        }

        @Override
        public CompletionStage<Optional<SharedResponse>> sharedResponse(LinkId link, long fingerprint) {
            return CompletableFuture.completedFuture(Optional.ofNullable(fingerprint == BROWSER ? copy : null));
        }

        @Override
        public CompletionStage<LinkView> visit(Visit visit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Boolean> complete(LinkId link, long owner, SharedResponse c, BrowserId browser) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Boolean> release(LinkId link, long owner) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<LinkView> takeOver(LinkId link, long fingerprint) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Optional<SharedResponse>> resumeCopy(LinkId link, BrowserId browser) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Boolean> spendNonce(String nonce, Instant expiresAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long size() {
            return 0;
        }
    }

    private static void advance(EmbeddedChannel ch, long millis) {
        ch.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
    }

    @Test
    void aFirstClickOnAnotherReplicaIsFoundByPollingTheLedger() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        RemoteLedger ledger = new RemoteLedger();
        AtomicReference<CoalescedClick.Outcome> outcome = new AtomicReference<>();

        CoalescedClick.await(ledger, new InFlightForwards(), COALESCE, ch, Duration.ofSeconds(2), outcome::set);
        for (int i = 0; i < 4; i++) {
            advance(ch, 25);
        }
        assertNull(outcome.get());
        assertEquals(5, ledger.lookups, "one look at once, then one per 25 ms");

        ledger.copy = COPY;
        ledger.state = LinkState.FORWARDED;
        advance(ch, 25);

        assertEquals("coalesced", outcome.get().kind());
        assertEquals(COPY, outcome.get().copy());
    }

    @Test
    void aFirstClickThatNeverAnswersEndsTheWaitAtTheDeadline() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        AtomicReference<CoalescedClick.Outcome> outcome = new AtomicReference<>();

        CoalescedClick.await(new RemoteLedger(), new InFlightForwards(), COALESCE, ch, Duration.ofMillis(300),
                outcome::set);
        for (int i = 0; i < 11; i++) {
            advance(ch, 25);
        }
        assertNull(outcome.get());
        advance(ch, 25);

        assertEquals("timeout", outcome.get().kind());
        assertNull(outcome.get().copy());
    }

    @Test
    void aFirstClickWhoseForwardFailedLeavesNothingToShare() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        RemoteLedger ledger = new RemoteLedger();
        AtomicReference<CoalescedClick.Outcome> outcome = new AtomicReference<>();
        CoalescedClick.await(ledger, new InFlightForwards(), COALESCE, ch, Duration.ofSeconds(2), outcome::set);

        ledger.state = LinkState.OPEN;
        advance(ch, 25);

        assertEquals("interstitial", outcome.get().kind());
    }

    @Test
    void aFirstClickInThisProcessWakesTheWaiterWithoutWaitingForAPoll() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        RemoteLedger ledger = new RemoteLedger();
        InFlightForwards inFlight = new InFlightForwards();
        InFlightForwards.Forward forward = inFlight.started(COALESCE, ch.eventLoop());
        AtomicReference<CoalescedClick.Outcome> outcome = new AtomicReference<>();
        CoalescedClick.await(ledger, inFlight, COALESCE, ch, Duration.ofSeconds(2), outcome::set);
        ch.runPendingTasks();

        ledger.copy = COPY;
        ledger.state = LinkState.FORWARDED;
        forward.finished();
        ch.runPendingTasks();

        assertEquals("coalesced", outcome.get().kind());
        assertEquals(0, inFlight.size());
    }

    @Test
    void aFirstClickOnAnotherLoopWakesTheWaiterOnItsOwnLoop() {
        EmbeddedChannel first = new EmbeddedChannel();
        EmbeddedChannel second = new EmbeddedChannel();
        second.freezeTime();
        RemoteLedger ledger = new RemoteLedger();
        InFlightForwards inFlight = new InFlightForwards();
        InFlightForwards.Forward other = inFlight.started(new Decision(Action.COALESCE, Reason.DOUBLE_CLICK,
                Action.COALESCE, new Classification(Verdict.HUMAN, List.of()), LinkId.of("another"), BROWSER, null,
                false, null, List.of()), second.eventLoop());
        InFlightForwards.Forward forward = inFlight.started(COALESCE, first.eventLoop());
        assertEquals(2, inFlight.size());
        AtomicReference<CoalescedClick.Outcome> outcome = new AtomicReference<>();
        CoalescedClick.await(ledger, inFlight, COALESCE, second, Duration.ofSeconds(2), outcome::set);
        first.runPendingTasks(); // the waiter joins the forward on the forward's loop
        second.runPendingTasks();

        ledger.copy = COPY;
        ledger.state = LinkState.FORWARDED;
        int polled = ledger.lookups;
        forward.finished();
        assertNull(outcome.get(), "woken on the waiter's own loop, not the forward's");
        second.runPendingTasks();

        assertEquals("coalesced", outcome.get().kind());
        assertEquals(polled + 1, ledger.lookups, "woken at once, not by its next poll");
        assertEquals(1, inFlight.size(), "only the finished forward left");
        other.finished();
        assertEquals(0, inFlight.size());
    }
}
