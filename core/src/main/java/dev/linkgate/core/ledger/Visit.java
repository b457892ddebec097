package dev.linkgate.core.ledger;

import dev.linkgate.core.request.LinkId;

/**
 * One visit to a link, recorded atomically in one round trip.
 *
 * @param link           the link
 * @param fingerprint    the visiting browser
 * @param network        the visitor's client network id ({@link dev.linkgate.core.request.ClientNetwork})
 * @param countForFanOut record the network for fan-out (only requests with no other scanner signal count)
 * @param claim          claim the link for this browser if it is OPEN and fewer than two networks were
 *                       seen within the fan-out window
 */
public record Visit(LinkId link, long fingerprint, long network, boolean countForFanOut, boolean claim) {
}
