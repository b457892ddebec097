package dev.linkgate.core.ledger;

import dev.linkgate.core.request.LinkId;

/**
 * One visit to a link, recorded atomically in one round trip.
 *
 * @param link           the link
 * @param fingerprint    the visiting browser
 * @param network        the visitor's client network id ({@link dev.linkgate.core.request.ClientNetwork})
 * @param countForFanOut record the network for fan-out (only requests with no other scanner signal count)
 * @param claim          claim the link for this browser if it is OPEN and fewer than
 *                       {@link #FAN_OUT_NETWORKS} networks were seen within the fan-out window
 */
public record Visit(LinkId link, long fingerprint, long network, boolean countForFanOut, boolean claim) {
    /** This many distinct client networks on one link within the fan-out window are a scanner's fan-out. */
    public static final int FAN_OUT_NETWORKS = 2;
}
