package dev.linkgate.core.detect;

import java.util.Objects;

/**
 * One signal's finding.
 *
 * @param signal the signal that found it: method, user_agent, stale_browser, network, consistency, fan_out
 * @param weight how strongly it speaks
 * @param reason short snake_case code, used as a metric label (bounded set: never put request data here)
 * @param detail human-readable detail for explain traces (may name the matched pattern or vendor)
 */
public record Evidence(String signal, Weight weight, String reason, String detail) {
    public Evidence {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(reason, "reason");
    }

    public Evidence(String signal, Weight weight, String reason) {
        this(signal, weight, reason, null);
    }
}
