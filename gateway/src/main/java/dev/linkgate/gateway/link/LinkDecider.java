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

/**
 * What the link flow asks of the policy. Production adapts {@link ClickPolicy} ({@link #of}); tests script it.
 * Stages may complete on any thread; the gateway hops back to the connection's event loop.
 */
public interface LinkDecider {
    CompletionStage<Decision> decide(ClickRequest request);

    CompletionStage<Decision> decideContinue(ClickRequest request, String token, String proof);

    CompletionStage<Boolean> forwarded(Decision decision, SharedResponse copy);

    CompletionStage<Boolean> forwardFailed(Decision decision);

    CompletionStage<Optional<SharedResponse>> sharedResponse(Decision decision);

    /** For RESUME: the first response's copy for the browser the request's cookie names, if still held. */
    CompletionStage<Optional<SharedResponse>> resumeCopy(Decision decision);

    /** linkgate's browser cookie, or null when resume is off. */
    default BrowserCookies cookies() {
        return null;
    }

    Interstitial interstitialFor(Decision decision);

    /** The decided link's state now: lets a waiting double click learn that the first forward ended without a copy. */
    CompletionStage<Optional<LinkView>> lookup(Decision decision);

    /** Links tracked now, for the ledger gauge. */
    long ledgerSize();

    /** Response copies the ledger dropped to stay within its memory budget. */
    default long copiesDropped() {
        return 0;
    }

    static LinkDecider of(ClickPolicy policy) {
        return new PolicyLinkDecider(policy);
    }
}
