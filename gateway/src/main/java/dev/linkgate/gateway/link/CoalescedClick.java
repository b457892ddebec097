package dev.linkgate.gateway.link;

import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.LinkState;
import dev.linkgate.core.ledger.LinkView;
import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.core.policy.Decision;
import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A double click waiting for the first click's response, on its own connection's event loop. It asks the
 * ledger (which hands the copy to its owner only) when woken by a forward finishing in this process, and
 * otherwise every {@link #POLL} (the first click may be on another replica), until the response timeout.
 */
final class CoalescedClick {
    static final Duration POLL = Duration.ofMillis(25);

    /** How the wait ended; {@code kind} is the metric label: coalesced, too_large, timeout or interstitial. */
    record Outcome(SharedResponse copy, String kind) {
    }

    private final ClickLedger ledger;
    private final Decision decision;
    private final Channel channel;
    private final EventExecutor loop;
    private final long deadline;
    private final Consumer<Outcome> done;
    private ScheduledFuture<?> poll;
    private boolean checking;
    private boolean recheck;
    private boolean finished;

    private CoalescedClick(ClickLedger ledger, Decision decision, Channel channel, Duration timeout,
                           Consumer<Outcome> done) {
        this.ledger = ledger;
        this.decision = decision;
        this.channel = channel;
        this.loop = channel.eventLoop();
        this.deadline = loop.ticker().nanoTime() + timeout.toNanos();
        this.done = done;
    }

    static void await(ClickLedger ledger, InFlightForwards inFlight, Decision decision, Channel channel,
                      Duration timeout, Consumer<Outcome> done) {
        CoalescedClick click = new CoalescedClick(ledger, decision, channel, timeout, done);
        inFlight.whenFinished(decision, click.loop, click::check);
        click.check();
    }

    private void check() {
        if (finished) {
            return;
        }
        if (!channel.isActive()) {
            finished = true;
            cancelPoll();
            return;
        }
        if (checking) {
            recheck = true;
            return;
        }
        checking = true;
        OnLoop.then(ledger.lookup(decision.link()), loop, (view, error) -> {
            if (error != null) {
                checked();
                return;
            }
            Optional<LinkView> v = view;
            if (v.isEmpty() || !v.get().ownedBy(decision.fingerprint())) {
                // Released after a failed forward, or another browser took the link over: nothing to share.
                finish(null, "interstitial");
            } else if (v.get().state() == LinkState.FORWARDED) {
                OnLoop.then(ledger.sharedResponse(decision.link(), decision.fingerprint()), loop, (copy, e) ->
                        finish(copy != null && copy.isPresent() ? copy.get() : null,
                                copy != null && copy.isPresent() ? "coalesced" : "too_large"));
            } else {
                checked();
            }
        });
    }

    /** The first click is still in flight: look again when woken, at the next poll, or give up at the deadline. */
    private void checked() {
        checking = false;
        long left = deadline - loop.ticker().nanoTime();
        if (left <= 0) {
            finish(null, "timeout");
        } else if (recheck) {
            recheck = false;
            check();
        } else if (poll == null) {
            poll = loop.schedule(this::polled, Math.min(left, POLL.toNanos()), TimeUnit.NANOSECONDS);
        }
    }

    private void polled() {
        poll = null;
        check();
    }

    private void finish(SharedResponse copy, String kind) {
        checking = false;
        if (finished) {
            return;
        }
        finished = true;
        cancelPoll();
        if (channel.isActive()) {
            done.accept(new Outcome(copy, kind));
        }
    }

    private void cancelPoll() {
        if (poll != null) {
            poll.cancel(false);
            poll = null;
        }
    }
}
