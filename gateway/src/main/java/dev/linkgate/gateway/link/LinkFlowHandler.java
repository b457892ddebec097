package dev.linkgate.gateway.link;

import dev.linkgate.core.policy.Action;
import dev.linkgate.core.policy.Decision;
import dev.linkgate.core.policy.Reason;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.gateway.http.RequestFacts;
import dev.linkgate.gateway.page.InterstitialPage.Problem;
import dev.linkgate.gateway.proxy.Forward;
import dev.linkgate.gateway.proxy.ForwardObserver;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Requests on link paths: asks the policy, then forwards (with the claim settled by the outcome), serves the
 * first click's copy to the same browser's double click, serves the interstitial, or rejects a continue.
 * Every other request passes straight on to the proxy as a {@link Forward}.
 *
 * <p>A continue (the interstitial's form POSTed back to the link's path) arrives with its form already read by
 * the {@link ContinueFormReader} step; when accepted the original link is forwarded once, as a GET with the
 * POST's headers but never its body.
 */
public final class LinkFlowHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(LinkFlowHandler.class);

    private enum State { IDLE, PASS, DECIDING }

    private final LinkFlow flow;
    private State state = State.IDLE;
    private HttpRequest request;
    private String route;
    private boolean bodyPending;

    LinkFlowHandler(LinkFlow flow) {
        this.flow = flow;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest r) {
            onRequest(ctx, r);
        } else if (msg instanceof ContinueFormReader.ContinueRequest c) {
            onContinue(ctx, c);
        } else if (msg instanceof HttpContent c) {
            onContent(ctx, c);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void onRequest(ChannelHandlerContext ctx, HttpRequest r) {
        String uri = r.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? null : uri.substring(q + 1);
        String token = flow.links.match(path, query);
        if (token == null || token.isEmpty()) {
            state = State.PASS;
            flow.metrics.passthrough();
            flow.cookies.removeOwn(r.headers());
            ctx.fireChannelRead(new Forward(r, false, ForwardObserver.NONE));
            return;
        }
        request = r;
        bodyPending = HttpUtil.isTransferEncodingChunked(r) || HttpUtil.getContentLength(r, 0L) > 0;
        ClickRequest click = new ClickRequest(r.method().name(), path, query, token, client(ctx), r.headers()::get,
                flow.clock.instant());
        route = "link";
        state = State.DECIDING;
        if (!bodyPending) {
            // Its end was decoded with its head: take it now, so the request is whole whatever happens next.
            ctx.read();
        }
        OnLoop.then(flow.policy.decide(click), ctx.executor(), (d, e) -> decided(ctx, d, e));
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
        HttpRequest r = c.head();
        request = r;
        route = "continue";
        if (c.tooLarge()) {
            tooLarge(ctx);
            return;
        }
        bodyPending = false;
        state = State.DECIDING;
        String uri = r.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? null : uri.substring(q + 1);
        ClickRequest click = new ClickRequest(r.method().name(), path, query, flow.links.match(path, query),
                client(ctx), r.headers()::get, flow.clock.instant());
        OnLoop.then(flow.policy.decideContinue(click, c.form().token(), c.form().proof()), ctx.executor(),
                (d, e) -> decided(ctx, d, e));
    }

    private void decided(ChannelHandlerContext ctx, Decision d, Throwable error) {
        if (error != null) {
            LOG.warn("link decision failed: {}", error.toString());
            flow.metrics.request(route, "error", "policy_error");
            problem(ctx, Problem.UPSTREAM_UNAVAILABLE);
            return;
        }
        if (!ctx.channel().isActive()) {
            if (d.claimed()) {
                flow.policy.forwardFailed(d);
            }
            state = State.IDLE;
            request = null;
            return;
        }
        String action = d.action().name().toLowerCase(Locale.ROOT);
        flow.metrics.request(route, action, d.reason().label());
        flow.metrics.signals(d.classification());
        if ("continue".equals(route)) {
            flow.metrics.continued(d.action() == Action.FORWARD ? "accepted" : d.reason().label());
        }
        RequestFacts facts = RequestFacts.of(ctx.channel());
        if (facts != null) {
            List<String> reasons = new ArrayList<>();
            reasons.add(d.reason().label());
            if (d.monitored()) {
                reasons.add("would_" + d.wouldHave().name().toLowerCase(Locale.ROOT));
            }
            reasons.addAll(d.classification().reasons());
            facts.decided(action, reasons);
        }
        switch (d.action()) {
            case FORWARD, PASS -> forward(ctx, d);
            case COALESCE -> coalesce(ctx, d);
            case RESUME -> resume(ctx, d);
            case INTERSTITIAL -> interstitial(ctx, d);
            case REJECT -> problem(ctx, problemFor(d.reason()));
        }
    }

    private void forward(ChannelHandlerContext ctx, Decision d) {
        HttpRequest forwarded = "continue".equals(route) ? asLinkGet(request) : request;
        ForwardObserver observer = ForwardObserver.NONE;
        if (d.claimed()) {
            // A first click or a continue starts a new session in the app: the app's session cookies stay behind.
            String uri = request.uri();
            int q = uri.indexOf('?');
            List<String> removed = flow.cookies.removeForNewSession(forwarded.headers(),
                    flow.links.sessionCookies(q < 0 ? uri : uri.substring(0, q), q < 0 ? null : uri.substring(q + 1)));
            if (!removed.isEmpty()) {
                flow.metrics.sessionCookiesRemoved(removed.size());
            }
            String setCookie = d.cookie() == null ? null
                    : flow.policy.cookies().setCookie(d.cookie(), ForwardCookies.https(ctx, request));
            observer = new ClaimedForward(flow.policy, d, ctx.executor(), flow.inFlight, flow.maxCoalesceBody, setCookie);
        } else {
            flow.cookies.removeOwn(forwarded.headers());
        }
        boolean bodyRead = !bodyPending;
        state = bodyRead ? State.IDLE : State.PASS;
        request = null;
        ctx.fireChannelRead(new Forward(forwarded, bodyRead, observer));
    }

    private void coalesce(ChannelHandlerContext ctx, Decision d) {
        CoalescedClick.await(flow.ledger, flow.inFlight, d, ctx.channel(), flow.coalesceWait, outcome -> {
            flow.metrics.duplicateClick(outcome.kind());
            if (outcome.copy() != null) {
                respond(ctx, flow.responses.replay(request, outcome.copy()));
            } else {
                interstitial(ctx, d);
            }
        });
    }

    /** The browser that opened the link is back: its first response again, or the reclick page once dropped. */
    private void resume(ChannelHandlerContext ctx, Decision d) {
        OnLoop.then(flow.ledger.resumeCopy(d.link(), d.browser()), ctx.executor(), (copy, error) -> {
            if (!ctx.channel().isActive()) {
                state = State.IDLE;
                request = null;
            } else if (error == null && copy.isPresent()) {
                respond(ctx, flow.responses.replay(request, copy.get()));
            } else {
                interstitial(ctx, d);
            }
        });
    }

    /** The Continue page: the decision's own, or a fresh one when a copy could not be served. */
    private void interstitial(ChannelHandlerContext ctx, Decision d) {
        respond(ctx, flow.responses.continuePage(request,
                () -> d.interstitial() != null ? d.interstitial() : flow.policy.interstitialFor(d)));
    }

    private void problem(ChannelHandlerContext ctx, Problem problem) {
        respond(ctx, flow.responses.problem(request, problem));
    }

    private void tooLarge(ChannelHandlerContext ctx) {
        flow.metrics.request(route, "reject", "body_too_large");
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
        ctx.writeAndFlush(response);
    }

    /** The accepted continue becomes the link's own GET: same path and query, the POST's headers, no body. */
    private static HttpRequest asLinkGet(HttpRequest post) {
        HttpRequest get = new DefaultHttpRequest(post.protocolVersion(), HttpMethod.GET, post.uri(), post.headers().copy());
        get.headers().remove(HttpHeaderNames.CONTENT_LENGTH).remove(HttpHeaderNames.CONTENT_TYPE)
                .remove(HttpHeaderNames.CONTENT_ENCODING).remove(HttpHeaderNames.TRANSFER_ENCODING)
                .remove(HttpHeaderNames.ORIGIN).remove(HttpHeaderNames.EXPECT);
        return get;
    }

    private static Problem problemFor(Reason reason) {
        return switch (reason) {
            case TOKEN_EXPIRED -> Problem.TOKEN_EXPIRED;
            case TOKEN_REPLAYED -> Problem.TOKEN_REPLAYED;
            case GESTURE_REQUIRED -> Problem.GESTURE_REQUIRED;
            default -> Problem.TOKEN_INVALID;
        };
    }

    private static InetAddress client(ChannelHandlerContext ctx) {
        RequestFacts facts = RequestFacts.of(ctx.channel());
        if (facts != null && facts.client() != null) {
            return facts.client();
        }
        return ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
    }
}
