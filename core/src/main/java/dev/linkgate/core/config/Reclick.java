package dev.linkgate.core.config;

/** policy.reclick: what a click after the double-click window gets. */
public enum Reclick {
    /** Everybody gets the interstitial saying when the link was first opened. */
    INTERSTITIAL,
    /** The browser that first opened the link is forwarded again; others get the interstitial. */
    FORWARD
}
