package dev.linkgate.gateway.testing;

import dev.linkgate.core.ledger.LinkView;
import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.core.policy.Action;
import dev.linkgate.core.policy.Decision;
import dev.linkgate.core.policy.Interstitial;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.gateway.link.LinkDecider;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Any {@link LinkDecider}, recording what the gateway asked and what it was told. */
public final class RecordingDecider implements LinkDecider {
    private final LinkDecider delegate;
    public final List<ClickRequest> requests = new CopyOnWriteArrayList<>();
    public final List<Decision> decisions = new CopyOnWriteArrayList<>();
    public final List<Interstitial> interstitials = new CopyOnWriteArrayList<>();
    public final AtomicInteger completed = new AtomicInteger();
    public final AtomicInteger released = new AtomicInteger();

    public RecordingDecider(LinkDecider delegate) {
        this.delegate = delegate;
    }

    public long actions(Action action) {
        return decisions.stream().filter(d -> d.action() == action).count();
    }

    @Override
    public CompletionStage<Decision> decide(ClickRequest request) {
        requests.add(request);
        return delegate.decide(request).thenApply(this::record);
    }

    @Override
    public CompletionStage<Decision> decideContinue(ClickRequest request, String token, String proof) {
        requests.add(request);
        return delegate.decideContinue(request, token, proof).thenApply(this::record);
    }

    @Override
    public CompletionStage<Boolean> forwarded(Decision decision, SharedResponse copy) {
        completed.incrementAndGet();
        return delegate.forwarded(decision, copy);
    }

    @Override
    public CompletionStage<Boolean> forwardFailed(Decision decision) {
        released.incrementAndGet();
        return delegate.forwardFailed(decision);
    }

    @Override
    public CompletionStage<Optional<SharedResponse>> sharedResponse(Decision decision) {
        return delegate.sharedResponse(decision);
    }

    @Override
    public CompletionStage<Optional<SharedResponse>> resumeCopy(Decision decision) {
        return delegate.resumeCopy(decision);
    }

    @Override
    public dev.linkgate.core.session.BrowserCookies cookies() {
        return delegate.cookies();
    }

    @Override
    public Interstitial interstitialFor(Decision decision) {
        Interstitial page = delegate.interstitialFor(decision);
        interstitials.add(page);
        return page;
    }

    @Override
    public CompletionStage<Optional<LinkView>> lookup(Decision decision) {
        return delegate.lookup(decision);
    }

    @Override
    public long ledgerSize() {
        return delegate.ledgerSize();
    }

    @Override
    public long copiesDropped() {
        return delegate.copiesDropped();
    }

    private Decision record(Decision d) {
        decisions.add(d);
        if (d.interstitial() != null) {
            interstitials.add(d.interstitial());
        }
        return d;
    }
}
