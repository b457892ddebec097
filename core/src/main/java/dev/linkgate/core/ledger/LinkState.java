package dev.linkgate.core.ledger;

/** Where one link stands. */
public enum LinkState {
    /** Never claimed (only seen by scanners or on the interstitial), or its forward failed and was released. */
    OPEN,
    /** A click was claimed and is being forwarded; its response is not back yet. */
    IN_FLIGHT,
    /** The upstream answered a forwarded click: the link has been used. */
    FORWARDED
}
