package dev.linkgate.gateway.link;

import dev.linkgate.core.policy.Action;
import dev.linkgate.core.policy.Decision;
import dev.linkgate.core.policy.Reason;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.gateway.http.LocalResponses;
import dev.linkgate.gateway.http.Request;
import dev.linkgate.gateway.page.InterstitialPage.Problem;
import dev.linkgate.gateway.proxy.Forward;
import dev.linkgate.gateway.proxy.ForwardObserver;
import dev.linkgate.gateway.reload.LiveConfig;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Requests on link paths: asks the policy, then forwards (with the claim settled by the outcome), serves the
 * first click's copy to the same browser's double click, serves the interstitial, or rejects a continue.
 * Every other request passes straight on to the proxy as a {@link Forward}.
 *
 * <p>A continue (the interstitial's form POSTed back to the link's path) is first read whole by the
 * {@link ContinueFormReader} step; when accepted the original link is forwarded once, as a GET with the
 * POST's headers but never its body.
 */
public final class LinkFlowHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(LinkFlowHandler.class);

    private enum State { IDLE, PASS, DECIDING }

    private final LinkFlow flow;
    private final ContinueFormReader forms = new ContinueFormReader();
    private State state = State.IDLE;
    private Request request;
    private String route;
    private boolean bodyPending;
    /** The config this link request is decided under, from its arrival to its end, whatever reloads meanwhile. */
    private LiveConfig live;

    LinkFlowHandler(LinkFlow flow) {
        this.flow = flow;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object in) {
        Object msg = forms.read(ctx, in);
        if (msg == null) {
            return;
        }
        if (msg instanceof Request r) {
            onRequest(ctx, r);
        } else if (msg instanceof ContinueFormReader.ContinueRequest c) {
            onContinue(ctx, c);
        } else if (msg instanceof HttpContent c) {
            onContent(ctx, c);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        forms.clear();
    }

    private void onRequest(ChannelHandlerContext ctx, Request r) {
        if (!r.isLink()) {
            state = State.PASS;
            ctx.fireChannelRead(Forward.pass(r, ForwardCookies.own(r, r.live().policy().cookies())));
            return;
        }
        request = r;
        live = r.live();
        bodyPending = r.head().hasBody();
        ClickRequest click = new ClickRequest(r.method(), r.path(), r.query(), r.token(), r.client(),
                r.head().headers(), flow.clock.instant());
        route = "link";
        state = State.DECIDING;
        if (!bodyPending) {
            // Its end follows its head: take it now, so the request is whole whatever happens next.
            ctx.read();
        }
        OnLoop.then(flow.history.after(click, route, live.policy().decide(click)), ctx.executor(),
                (d, e) -> decided(ctx, d, e));
    }

    private void onContent(ChannelHandlerContext ctx, HttpContent c) {
        boolean last = c instanceof LastHttpContent;
        if (state == State.PASS) {
            if (last) {
                state = State.IDLE;
            }
            ctx.fireChannelRead(c);
            return;
        }
        if (last) {
            bodyPending = false;
        }
        // A link request's own body (a GET with one) is never forwarded: the decision forwards the head alone.
        c.release();
    }

    /** The interstitial's form, read whole by {@link ContinueFormReader}: the policy checks it. */
    private void onContinue(ChannelHandlerContext ctx, ContinueFormReader.ContinueRequest c) {
        Request r = c.head();
        request = r;
        live = r.live();
        route = "continue";
        if (c.tooLarge()) {
            tooLarge(ctx);
            return;
        }
        bodyPending = false;
        state = State.DECIDING;
        ClickRequest click = new ClickRequest(r.method(), r.path(), r.query(), r.token(), r.client(),
                r.head().headers(), flow.clock.instant());
        OnLoop.then(flow.history.after(click, route, live.policy().decideContinue(click, c.form().token(), c.form().proof())),
                ctx.executor(),
                (d, e) -> decided(ctx, d, e));
    }

    private void decided(ChannelHandlerContext ctx, Decision d, Throwable error) {
        if (error != null) {
            LOG.warn("link decision failed: {}", error.toString());
            countAs("error", "policy_error");
            problem(ctx, Problem.UPSTREAM_UNAVAILABLE);
            return;
        }
        if (!ctx.channel().isActive()) {
            if (d.claimed()) {
                live.policy().forwardFailed(d);
            }
            state = State.IDLE;
            request = null;
            live = null;
            return;
        }
        String action = d.action().name().toLowerCase(Locale.ROOT);
        countAs(action, d.reason().label());
        flow.metrics.signals(d.classification());
        if ("continue".equals(route)) {
            flow.metrics.continued(d.action() == Action.FORWARD ? "accepted" : d.reason().label());
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(d.reason().label());
        if (d.monitored()) {
            reasons.add("would_" + d.wouldHave().name().toLowerCase(Locale.ROOT));
        }
        reasons.addAll(d.classification().reasons());
        request.outcome().decided(action, reasons);
        switch (d.action()) {
            case FORWARD, PASS -> forward(ctx, d);
            case COALESCE -> coalesce(ctx, d);
            case RESUME -> resume(ctx, d);
            case INTERSTITIAL -> interstitial(ctx, d);
            case REJECT -> problem(ctx, problemFor(d.reason()));
        }
    }

    private void forward(ChannelHandlerContext ctx, Decision d) {
        boolean asGet = "continue".equals(route);
        ForwardObserver observer = ForwardObserver.NONE;
        Set<String> cookies;
        if (d.claimed()) {
            // A first click or a continue starts a new session in the app: the app's session cookies stay behind.
            List<String> removed = new ArrayList<>(0);
            cookies = ForwardCookies.forNewSession(request, live.policy().cookies(),
                    flow.links.sessionCookies(request.path(), request.query()), removed);
            if (!removed.isEmpty()) {
                flow.metrics.sessionCookiesRemoved(removed.size());
            }
            String setCookie = d.cookie() == null ? null
                    : live.policy().cookies().setCookie(d.cookie(), ForwardCookies.https(request));
            observer = new ClaimedForward(live.policy(), d, ctx.executor(), flow.inFlight, live.maxCoalesceBody(),
                    setCookie);
        } else {
            cookies = ForwardCookies.own(request, live.policy().cookies());
        }
        boolean bodyRead = !bodyPending;
        state = bodyRead ? State.IDLE : State.PASS;
        Request forwarded = request;
        request = null;
        live = null;
        ctx.fireChannelRead(new Forward(forwarded, bodyRead || asGet, observer, cookies, asGet));
    }

    private void coalesce(ChannelHandlerContext ctx, Decision d) {
        CoalescedClick.await(live.policy().ledger(), flow.inFlight, d, ctx.channel(), live.coalesceWait(), outcome -> {
            flow.metrics.duplicateClick(outcome.kind());
            if (outcome.copy() != null) {
                respond(ctx, LinkResponses.replay(request, outcome.copy()));
            } else {
                interstitial(ctx, d);
            }
        });
    }

    /** The browser that opened the link is back: its first response again, or the reclick page once dropped. */
    private void resume(ChannelHandlerContext ctx, Decision d) {
        OnLoop.then(live.policy().ledger().resumeCopy(d.link(), d.browser()), ctx.executor(), (copy, error) -> {
            if (!ctx.channel().isActive()) {
                state = State.IDLE;
                request = null;
                live = null;
            } else if (error == null && copy.isPresent()) {
                respond(ctx, LinkResponses.replay(request, copy.get()));
            } else {
                interstitial(ctx, d);
            }
        });
    }

    /** The Continue page: the decision's own, or a fresh one when a copy could not be served. */
    private void interstitial(ChannelHandlerContext ctx, Decision d) {
        respond(ctx, LinkResponses.continuePage(live.pages(), request,
                () -> d.interstitial() != null ? d.interstitial() : live.policy().interstitialFor(d)));
    }

    private void problem(ChannelHandlerContext ctx, Problem problem) {
        respond(ctx, LocalResponses.problem(live.pages(), request, problem));
    }

    private void tooLarge(ChannelHandlerContext ctx) {
        countAs("reject", "body_too_large");
        bodyPending = true;
        respond(ctx, LinkResponses.plain(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE));
    }

    /** Answers here. A body still unread is not drained: the connection closes after the response instead. */
    private void respond(ChannelHandlerContext ctx, FullHttpResponse response) {
        if (bodyPending) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        state = State.IDLE;
        request = null;
        // An idle keep-alive connection must not hold on to a config that reloads have replaced.
        live = null;
        ctx.writeAndFlush(response);
    }

    private static Problem problemFor(Reason reason) {
        return switch (reason) {
            case TOKEN_EXPIRED -> Problem.TOKEN_EXPIRED;
            case TOKEN_REPLAYED -> Problem.TOKEN_REPLAYED;
            case GESTURE_REQUIRED -> Problem.GESTURE_REQUIRED;
            default -> Problem.TOKEN_INVALID;
        };
    }

    /** The outcome the access log counts this request under once its response is sent. */
    private void countAs(String decision, String reason) {
        request.outcome().meters(flow.metrics.outcome(route, decision, reason));
    }
}
