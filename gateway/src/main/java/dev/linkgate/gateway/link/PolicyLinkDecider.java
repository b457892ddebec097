package dev.linkgate.gateway.link;

import dev.linkgate.core.ledger.LinkView;
import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.core.policy.ClickPolicy;
import dev.linkgate.core.policy.Decision;
import dev.linkgate.core.policy.Interstitial;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.core.session.BrowserCookies;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The production {@link LinkDecider}: the click policy over its ledger. */
final class PolicyLinkDecider implements LinkDecider {
    private final ClickPolicy policy;

    PolicyLinkDecider(ClickPolicy policy) {
        this.policy = policy;
    }

    @Override
    public CompletionStage<Decision> decide(ClickRequest request) {
        return policy.decide(request);
    }

    @Override
    public CompletionStage<Decision> decideContinue(ClickRequest request, String token, String proof) {
        return policy.decideContinue(request, token, proof);
    }

    @Override
    public CompletionStage<Boolean> forwarded(Decision decision, SharedResponse copy) {
        return policy.forwarded(decision, copy);
    }

    @Override
    public CompletionStage<Boolean> forwardFailed(Decision decision) {
        return policy.forwardFailed(decision);
    }

    @Override
    public CompletionStage<Optional<SharedResponse>> sharedResponse(Decision decision) {
        return policy.sharedResponse(decision);
    }

    @Override
    public CompletionStage<Optional<SharedResponse>> resumeCopy(Decision decision) {
        return policy.resumeCopy(decision);
    }

    @Override
    public BrowserCookies cookies() {
        return policy.cookies();
    }

    @Override
    public Interstitial interstitialFor(Decision decision) {
        return policy.interstitialFor(decision);
    }

    @Override
    public CompletionStage<Optional<LinkView>> lookup(Decision decision) {
        return policy.ledger().lookup(decision.link());
    }

    @Override
    public long ledgerSize() {
        return policy.ledger().size();
    }

    @Override
    public long copiesDropped() {
        return policy.ledger().copiesDropped();
    }
}
