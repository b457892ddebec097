package dev.linkgate.core.ledger;

import java.time.Instant;

/**
 * One link's mutable state inside {@link InMemoryClickLedger}, guarded by its shard. Kept small: times are
 * epoch millis, fan-out keeps the two most recent distinct networks (two are enough to tell "2 or more").
 */
final class LinkRecord {
    static final byte OPEN = 0;
    static final byte IN_FLIGHT = 1;
    static final byte FORWARDED = 2;

    final long createdAt;
    byte state = OPEN;
    long owner;
    long claimedAt;
    long firstOpenedAt;
    long netA;
    long netAAt;
    long netB;
    long netBAt;
    SharedResponse response;
    long responseUntil;

    LinkRecord(long createdAt) {
        this.createdAt = createdAt;
    }

    /** Records the network when it counts, and returns the distinct networks within the window. */
    int recordNetwork(long network, boolean count, long now, long window) {
        boolean aLive = netAAt != 0 && now - netAAt <= window;
        boolean bLive = netBAt != 0 && now - netBAt <= window;
        int live = (aLive ? 1 : 0) + (bLive ? 1 : 0);
        if (!count) {
            return live;
        }
        if (aLive && netA == network) {
            netAAt = now;
            return live;
        }
        if (bLive && netB == network) {
            netBAt = now;
            return live;
        }
        // A network not seen within the window: take a dead slot, else the older one (two still tell "2+").
        if (!aLive || (bLive && netAAt <= netBAt)) {
            netA = network;
            netAAt = now;
        } else {
            netB = network;
            netBAt = now;
        }
        return live + 1;
    }

    int networksWithin(long now, long window) {
        return (netAAt != 0 && now - netAAt <= window ? 1 : 0) + (netBAt != 0 && now - netBAt <= window ? 1 : 0);
    }

    void claim(long fingerprint, long now) {
        state = IN_FLIGHT;
        owner = fingerprint;
        claimedAt = now;
        response = null;
        responseUntil = 0;
    }

    /** The owner's forward got its answer: the link is used from the time of that click. */
    void complete(SharedResponse copy, long until) {
        state = FORWARDED;
        if (firstOpenedAt == 0) {
            firstOpenedAt = claimedAt;
        }
        response = copy;
        responseUntil = copy == null ? 0 : until;
    }

    /** The owner's forward failed: back to how the link stood before the claim (used or open). */
    void release() {
        state = firstOpenedAt != 0 ? FORWARDED : OPEN;
        owner = 0;
        claimedAt = 0;
    }

    LinkView view(int networks, boolean claimedNow) {
        LinkState s = switch (state) {
            case IN_FLIGHT -> LinkState.IN_FLIGHT;
            case FORWARDED -> LinkState.FORWARDED;
            default -> LinkState.OPEN;
        };
        return new LinkView(s, s == LinkState.OPEN ? 0 : owner,
                s == LinkState.OPEN || claimedAt == 0 ? null : Instant.ofEpochMilli(claimedAt),
                firstOpenedAt == 0 ? null : Instant.ofEpochMilli(firstOpenedAt), networks, claimedNow);
    }
}
