package dev.linkgate.core.policy;

/** What the gateway does with a request. */
public enum Action {
    /** Proxy it to the upstream (a link's first genuine click, an accepted continue, or not a link at all). */
    FORWARD,
    /** The same browser clicked again within the double-click window: give it the first click's response. */
    COALESCE,
    /** The browser that opened the link (linkgate's cookie) comes back within the resume window: its copy again. */
    RESUME,
    /** Serve the Continue page. */
    INTERSTITIAL,
    /** 403: a continue that is invalid, expired, replayed or not confirmed by a person. */
    REJECT,
    /** Not a link: pass through untouched. */
    PASS
}
