package dev.linkgate.core.ledger;

import java.time.Instant;

/**
 * A link as the ledger saw it during one operation.
 *
 * @param state          the state after the operation
 * @param owner          fingerprint of the browser whose click was forwarded (0 when OPEN)
 * @param claimedAt      when the current owner's click was claimed (null when OPEN)
 * @param firstOpenedAt  when the link was first forwarded to anybody (null if never): shown on re-clicks
 * @param recentNetworks distinct client networks (without scanner signals) seen within the fan-out window,
 *                       this request's included when it counted
 * @param claimedNow     true when this very operation claimed the link
 * @param ownerBrowser   the browser (linkgate's cookie) whose forward settled the link, or null
 * @param copyHeld       the first response's copy is still kept for that browser's resume
 */
public record LinkView(LinkState state, long owner, Instant claimedAt, Instant firstOpenedAt, int recentNetworks,
                       boolean claimedNow, BrowserId ownerBrowser, boolean copyHeld) {

    public LinkView(LinkState state, long owner, Instant claimedAt, Instant firstOpenedAt, int recentNetworks,
                    boolean claimedNow) {
        this(state, owner, claimedAt, firstOpenedAt, recentNetworks, claimedNow, null, false);
    }

    public static LinkView open(int recentNetworks) {
        return new LinkView(LinkState.OPEN, 0, null, null, recentNetworks, false);
    }

    /** The browser presenting {@code browser} may have the first response again: constant-time compare. */
    public boolean resumableBy(BrowserId browser) {
        return state == LinkState.FORWARDED && copyHeld && browser != null && browser.sameAs(ownerBrowser);
    }

    public boolean ownedBy(long fingerprint) {
        return state != LinkState.OPEN && owner == fingerprint;
    }
}
