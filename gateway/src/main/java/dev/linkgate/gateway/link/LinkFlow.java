package dev.linkgate.gateway.link;

import dev.linkgate.gateway.admin.GatewayMetrics;
import dev.linkgate.gateway.reload.LiveConfig;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * What every connection's {@link LinkFlowHandler} shares: the routes, the live config (policy, pages, limits:
 * replaced by a reload; each request's is in its facts), and this process's claimed forwards in flight, which
 * outlive reloads.
 */
public final class LinkFlow {
    final LinkMatcher links;
    final Supplier<LiveConfig> live;
    final GatewayMetrics metrics;
    final Clock clock;
    final InFlightForwards inFlight = new InFlightForwards();
    final HistoryRecorder history;

    /** @param clock policy time: when a click was received */
    public LinkFlow(LinkMatcher links, Supplier<LiveConfig> live, GatewayMetrics metrics, Clock clock) {
        this(links, live, metrics, clock, HistoryRecorder.OFF);
    }

    /** @param history where each decision is recorded for support ({@link HistoryRecorder#OFF} for nowhere) */
    public LinkFlow(LinkMatcher links, Supplier<LiveConfig> live, GatewayMetrics metrics, Clock clock,
                    HistoryRecorder history) {
        this.history = history;
        this.links = links;
        this.live = live;
        this.metrics = metrics;
        this.clock = clock;
    }

    public LinkFlowHandler newHandler() {
        return new LinkFlowHandler(this);
    }
}
