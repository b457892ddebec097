package dev.linkgate.gateway.proxy;

import java.util.Locale;

/** Why a forward got no (complete) response; the lower-case name is the metric label. */
public enum UpstreamError {
    /** Could not connect, or no pooled connection within the connect timeout: 502. */
    CONNECT,
    /** No response within the response timeout: 504. */
    TIMEOUT,
    /** The connection closed or reset before the response ended: 502. */
    RESET,
    /** The upstream's response could not be decoded: 502. */
    PROTOCOL,
    /** The client went away first; not the upstream's fault and not counted as an upstream error. */
    ABORTED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
