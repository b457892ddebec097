package dev.linkgate.gateway.testing;

import dev.linkgate.core.config.PolicyConfig;
import dev.linkgate.core.detect.RequestClassifier;
import dev.linkgate.core.ledger.BrowserId;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.LinkView;
import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.core.ledger.Visit;
import dev.linkgate.core.policy.ClickPolicy;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.session.BrowserCookies;
import dev.linkgate.core.token.ContinueTokens;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real {@link ClickPolicy} whose detector and ledger are watched: the requests the gateway asked about (as
 * the detector saw them), and how many claimed forwards it settled or released. What was decided shows in the
 * gateway's metrics and responses.
 */
public final class RecordedPolicy {
    public final ClickPolicy policy;
    public final List<ClickRequest> requests = new CopyOnWriteArrayList<>();
    public final AtomicInteger completed = new AtomicInteger();
    public final AtomicInteger released = new AtomicInteger();

    public RecordedPolicy(PolicyConfig config, RequestClassifier detector, ClickLedger ledger, ContinueTokens tokens,
                          BrowserCookies cookies, Clock clock) {
        RequestClassifier watched = request -> {
            requests.add(request);
            return detector.classify(request);
        };
        this.policy = new ClickPolicy(config, watched, new Watched(ledger), tokens, cookies, clock);
    }

    /** The ledger as given, counting the outcomes the gateway reports. */
    private final class Watched implements ClickLedger {
        private final ClickLedger ledger;

        Watched(ClickLedger ledger) {
            this.ledger = ledger;
        }

        @Override
        public CompletionStage<LinkView> visit(Visit visit) {
            return ledger.visit(visit);
        }

        @Override
        public CompletionStage<Boolean> complete(LinkId link, long owner, SharedResponse copy, BrowserId browser) {
            completed.incrementAndGet();
            return ledger.complete(link, owner, copy, browser);
        }

        @Override
        public CompletionStage<Boolean> release(LinkId link, long owner) {
            released.incrementAndGet();
            return ledger.release(link, owner);
        }

        @Override
        public CompletionStage<LinkView> takeOver(LinkId link, long fingerprint) {
            return ledger.takeOver(link, fingerprint);
        }

        @Override
        public CompletionStage<Optional<SharedResponse>> sharedResponse(LinkId link, long fingerprint) {
            return ledger.sharedResponse(link, fingerprint);
        }

        @Override
        public CompletionStage<Optional<SharedResponse>> resumeCopy(LinkId link, BrowserId browser) {
            return ledger.resumeCopy(link, browser);
        }

        @Override
        public CompletionStage<Boolean> spendNonce(String nonce, Instant expiresAt) {
            return ledger.spendNonce(nonce, expiresAt);
        }

        @Override
        public CompletionStage<Optional<LinkView>> lookup(LinkId link) {
            return ledger.lookup(link);
        }

        @Override
        public long size() {
            return ledger.size();
        }

        @Override
        public long copiesDropped() {
            return ledger.copiesDropped();
        }

        @Override
        public void close() {
            ledger.close();
        }
    }
}
