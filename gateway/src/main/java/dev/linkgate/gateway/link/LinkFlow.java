package dev.linkgate.gateway.link;

import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.policy.ClickPolicy;
import dev.linkgate.gateway.admin.GatewayMetrics;
import io.netty.channel.ChannelInboundHandler;
import dev.linkgate.gateway.page.InterstitialPage;

import java.time.Clock;
import java.time.Duration;

/**
 * What every connection's {@link LinkFlowHandler} shares: the routes, the policy and its ledger (called directly:
 * the policy decides, the ledger hands out copies), the pages, and this process's claimed forwards in flight.
 */
public final class LinkFlow {
    final LinkMatcher links;
    final ClickPolicy policy;
    final ClickLedger ledger;
    final InterstitialPage pages;
    final GatewayMetrics metrics;
    final Clock clock;
    final int maxCoalesceBody;
    final Duration coalesceWait;
    final InFlightForwards inFlight = new InFlightForwards();
    final ForwardCookies cookies;
    final LinkResponses responses;

    /**
     * @param clock           policy time: when a click was received
     * @param maxCoalesceBody the largest response copied for a double click
     * @param coalesceWait    how long a double click waits for the first response (the upstream response timeout)
     */
    public LinkFlow(LinkMatcher links, ClickPolicy policy, InterstitialPage pages, GatewayMetrics metrics, Clock clock,
                    int maxCoalesceBody, Duration coalesceWait) {
        this.links = links;
        this.policy = policy;
        this.ledger = policy.ledger();
        this.pages = pages;
        this.metrics = metrics;
        this.clock = clock;
        this.maxCoalesceBody = maxCoalesceBody;
        this.coalesceWait = coalesceWait;
        this.cookies = new ForwardCookies(policy.cookies());
        this.responses = new LinkResponses(pages);
    }

    public LinkFlowHandler newHandler() {
        return new LinkFlowHandler(this);
    }

    /** The step before {@link #newHandler()} that reads a continue's form whole. */
    public ChannelInboundHandler newFormReader() {
        return new ContinueFormReader(links);
    }
}
