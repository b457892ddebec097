package dev.linkgate.core.ledger;

import dev.linkgate.core.request.LinkId;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What linkgate remembers about each link: who first clicked it, whether that click was forwarded, which
 * networks fetched it recently, and which continue nonces are spent. Every operation is atomic; the
 * in-memory store and the Redis store keep the same contract ({@code ClickLedgerContract}).
 * Operations never block the caller: they complete on the store's own threads or at once.
 */
public interface ClickLedger extends AutoCloseable {

    /** Records a visit (fan-out) and claims the link when asked and allowed. One round trip. */
    CompletionStage<LinkView> visit(Visit visit);

    /**
     * The owner's forward got its response: IN_FLIGHT becomes FORWARDED. The copy, when given, is kept for
     * the double-click window for the owner's duplicate clicks. False when the owner no longer holds it.
     */
    default CompletionStage<Boolean> complete(LinkId link, long owner, SharedResponse copy) {
        return complete(link, owner, copy, null);
    }

    /**
     * As above, and the link now belongs to {@code browser} (linkgate's cookie, null when none was set): the copy
     * is kept for its resume as long as the resume window lasts and the copy budget allows.
     */
    CompletionStage<Boolean> complete(LinkId link, long owner, SharedResponse copy, BrowserId browser);

    /** The owner's forward failed before any response: the link is OPEN again. A failed forward never burns a link. */
    CompletionStage<Boolean> release(LinkId link, long owner);

    /**
     * A person confirmed on the interstitial: the link is claimed for this browser whatever its state (a
     * continue on a used link ends the other session, and the page said so). Returns the view after.
     */
    CompletionStage<LinkView> takeOver(LinkId link, long fingerprint);

    /** The first response's copy, while the double-click window lasts and only for its owner. */
    CompletionStage<Optional<SharedResponse>> sharedResponse(LinkId link, long fingerprint);

    /**
     * The first response's copy for the browser that owns the link, while the resume window lasts; empty for
     * any other browser, after the window, or once the copy budget dropped it.
     */
    CompletionStage<Optional<SharedResponse>> resumeCopy(LinkId link, BrowserId browser);

    /** Marks a one-time nonce spent until {@code expiresAt}; true only the first time. */
    CompletionStage<Boolean> spendNonce(String nonce, Instant expiresAt);

    /** The link's current state without changing it. */
    CompletionStage<Optional<LinkView>> lookup(LinkId link);

    /** Links tracked now (approximate for shared stores). */
    long size();

    /** Copies dropped so far to keep within the copy memory budget (oldest first). */
    default long copiesDropped() {
        return 0;
    }

    @Override
    default void close() {
    }
}
