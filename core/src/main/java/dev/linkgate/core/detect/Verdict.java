package dev.linkgate.core.detect;

/** What the signals say about who sent a request, strongest first. */
public enum Verdict {
    /** Certainly not a person: HEAD, a tool, a crawler, a previewer, a headless browser. */
    BOT,
    /** Scanner signals: stale browser, scanner network, missing browser headers, fan-out. */
    SUSPECT,
    /** No scanner signal, but not confirmed to be a real browser navigation either. */
    UNCONFIRMED,
    /** A current browser navigating top-level, with every header a person's click sends. */
    HUMAN
}
