package dev.linkgate.core.ledger;

import dev.linkgate.core.config.PolicyConfig;
import dev.linkgate.core.config.StoreConfig;

import java.time.Duration;

/**
 * The windows and bounds every ledger store keeps.
 *
 * @param linkTtl            a link's state is forgotten this long after it was first seen
 * @param maxLinks           at most this many links are tracked; beyond it the oldest are evicted
 * @param fanOutWindow       networks seen within this window count towards fan-out
 * @param responseRetention  a forwarded response's copy is kept this long for the owner's double click
 * @param resumeWindow       and this long for the browser that owns the link (0: resume off)
 * @param maxCopyMemory      bytes of copies kept at most; beyond it the oldest are dropped
 */
public record LedgerSettings(Duration linkTtl, long maxLinks, Duration fanOutWindow, Duration responseRetention,
                             Duration resumeWindow, long maxCopyMemory) {
    /** Without resume, and copies bounded by the default budget. */
    public LedgerSettings(Duration linkTtl, long maxLinks, Duration fanOutWindow, Duration responseRetention) {
        this(linkTtl, maxLinks, fanOutWindow, responseRetention, Duration.ZERO,
                StoreConfig.defaults().maxCopyMemory().bytes());
    }

    public LedgerSettings {
        if (maxLinks < 1) {
            throw new IllegalArgumentException("maxLinks must be at least 1");
        }
        if (resumeWindow.isNegative() || maxCopyMemory < 0) {
            throw new IllegalArgumentException("resumeWindow and maxCopyMemory must not be negative");
        }
    }

    public static LedgerSettings from(PolicyConfig policy, StoreConfig store) {
        return new LedgerSettings(policy.linkTtl(), store.maxLinks(), policy.fanOutWindow(), policy.doubleClickWindow(),
                policy.resumeWindow(), store.maxCopyMemory().bytes());
    }

    /** How long a copy is kept: for the double click, and for resume when that is longer. */
    public Duration copyRetention() {
        return resumeWindow.compareTo(responseRetention) > 0 ? resumeWindow : responseRetention;
    }
}
