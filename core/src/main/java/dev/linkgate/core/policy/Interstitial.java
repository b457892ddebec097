package dev.linkgate.core.policy;

import java.time.Instant;

/**
 * What the Continue page needs to know.
 *
 * @param token         the continue token for the form
 * @param proof         the gesture proof the page's script adds on a trusted click after {@code dwellMillis}
 * @param dwellMillis   how long the person must be on the page before the proof is given
 * @param firstOpenedAt when the link was first opened, for a re-click (null on a first visit)
 * @param expiresAt     when the token stops working
 * @param otherSession  this browser opened a different link within the resume window: another signer's session
 *                      may be open in it, and continuing starts a new one
 */
public record Interstitial(String token, String proof, long dwellMillis, Instant firstOpenedAt, Instant expiresAt,
                           boolean otherSession) {

    public Interstitial(String token, String proof, long dwellMillis, Instant firstOpenedAt, Instant expiresAt) {
        this(token, proof, dwellMillis, firstOpenedAt, expiresAt, false);
    }

    public boolean reclick() {
        return firstOpenedAt != null;
    }
}
