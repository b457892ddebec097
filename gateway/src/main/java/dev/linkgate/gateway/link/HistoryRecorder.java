package dev.linkgate.gateway.link;

import dev.linkgate.core.history.HistoryEvent;
import dev.linkgate.core.history.LinkHistory;
import dev.linkgate.core.policy.Decision;
import dev.linkgate.core.request.ClickRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionStage;

/**
 * The link flow's one hook into the link history: each decision, once made, is appended to its link's
 * history. The response never waits for it: the decision stage is handed back unchanged, and the append
 * (a copy in memory, or a pipelined write to Redis) runs beside it.
 */
public final class HistoryRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryRecorder.class);
    public static final HistoryRecorder OFF = new HistoryRecorder(LinkHistory.OFF, "");

    private final LinkHistory history;
    private final String replica;

    public HistoryRecorder(LinkHistory history, String replica) {
        this.history = history;
        this.replica = replica;
    }

    /** Returns {@code decided} itself; when it completes with a decision, that decision is recorded. */
    public CompletionStage<Decision> after(ClickRequest click, String route, CompletionStage<Decision> decided) {
        if (history.enabled()) {
            decided.whenComplete((d, error) -> {
                if (d != null && d.link() != null) {
                    try {
                        history.record(d.link(), HistoryEvent.of(click, route, d, replica));
                    } catch (RuntimeException e) {
                        LOG.warn("link history: event not recorded: {}", e.toString());
                    }
                }
            });
        }
        return decided;
    }
}
