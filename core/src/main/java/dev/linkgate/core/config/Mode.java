package dev.linkgate.core.config;

/** policy.mode */
public enum Mode {
    /** A confident human's first click is forwarded; everything else gets the interstitial. */
    BALANCED,
    /** Every first visit gets the interstitial. */
    STRICT,
    /** Decide and record everything, but forward all: a safe rollout. */
    MONITOR
}
