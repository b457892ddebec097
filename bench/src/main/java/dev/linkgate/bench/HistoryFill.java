package dev.linkgate.bench;

import dev.linkgate.core.detect.Verdict;
import dev.linkgate.core.history.HistoryEvent;
import dev.linkgate.core.history.InMemoryLinkHistory;
import dev.linkgate.core.policy.Action;
import dev.linkgate.core.request.LinkId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Link histories for {@link LedgerFootprint}: the same links as its ledger fill, each with a scanner's visit,
 * the signer's first click, and then re-clicks up to the number of events asked for (kept to the default 8).
 */
final class HistoryFill {
    static final int KEPT = 8;

    private HistoryFill() {
    }

    static InMemoryLinkHistory fill(int links, int eventsPerLink, LedgerFootprint.SteppingClock clock) {
        InMemoryLinkHistory history = new InMemoryLinkHistory(KEPT, links, Duration.ofHours(72), clock, "replica-1");
        UniqueLinks ids = new UniqueLinks(2026);
        Instant at = clock.instant();
        for (int i = 0; i < links; i++) {
            LinkId link = ids.nextId();
            for (int e = 0; e < eventsPerLink; e++) {
                history.record(link, event(e, at.plusSeconds(e)));
            }
        }
        return history;
    }

    private static HistoryEvent event(int n, Instant at) {
        if (n == 0) {
            return new HistoryEvent(at, "link", "HEAD", Action.INTERSTITIAL, "bot", Verdict.BOT,
                    List.of("method_head", "scanner_network"), "40.92.18.0/24", "microsoft-eop", "Chrome", 109,
                    "replica-1");
        }
        if (n == 1) {
            return new HistoryEvent(at, "link", "GET", Action.FORWARD, "first_click", Verdict.HUMAN,
                    List.of("browser_confirmed"), "203.0.113.0/24", null, "Chrome", 142, "replica-1");
        }
        return new HistoryEvent(at, "link", "GET", Action.INTERSTITIAL, "reclick", Verdict.HUMAN,
                List.of("browser_confirmed"), "2001:db8:1::/48", null, "Safari", 18, "replica-1");
    }
}
