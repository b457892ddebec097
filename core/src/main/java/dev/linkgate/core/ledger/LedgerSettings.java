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
 */
public record LedgerSettings(Duration linkTtl, long maxLinks, Duration fanOutWindow, Duration responseRetention) {
    public LedgerSettings {
        if (maxLinks < 1) {
            throw new IllegalArgumentException("maxLinks must be at least 1");
        }
    }

    public static LedgerSettings from(PolicyConfig policy, StoreConfig store) {
        return new LedgerSettings(policy.linkTtl(), store.maxLinks(), policy.fanOutWindow(), policy.doubleClickWindow());
    }
}
