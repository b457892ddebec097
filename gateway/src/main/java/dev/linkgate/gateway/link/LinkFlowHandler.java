package dev.linkgate.gateway.link;

import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.core.policy.Action;
import dev.linkgate.core.policy.ContinueForm;
import dev.linkgate.core.policy.Decision;
import dev.linkgate.core.policy.Interstitial;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.gateway.http.LocalResponses;
import dev.linkgate.gateway.http.RequestFacts;
import dev.linkgate.gateway.page.InterstitialPage;
import dev.linkgate.gateway.page.InterstitialPage.Problem;
import dev.linkgate.gateway.proxy.Forward;
import dev.linkgate.gateway.proxy.ForwardObserver;
import dev.linkgate.gateway.reload.LiveConfig;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Requests on link paths: asks the policy, then forwards (with the claim settled by the outcome), serves the
 * first click's copy to the same browser's double click, serves the interstitial, or rejects a continue.
 * Every other request passes straight on to the proxy as a {@link Forward}.
 *
 * <p>A continue is the interstitial's form POSTed back to the link's path: its small body is read whole (at
 * most {@link ContinueForm#MAX_BODY_BYTES}), and when accepted the original link is forwarded once, as a GET
 * with the POST's headers but never its body.
 */
public final class LinkFlowHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(LinkFlowHandler.class);

    private enum State { IDLE, PASS, READ_FORM, DECIDING }

    private final LinkFlow flow;
    private State state = State.IDLE;
    private HttpRequest request;
    private String route;
    private boolean bodyPending;
    private ByteArrayOutputStream form;
    private ClickRequest pendingClick;
    /** The config this link request is decided under, from its arrival to its end, whatever reloads meanwhile. */
    private LiveConfig live;

    LinkFlowHandler(LinkFlow flow) {
        this.flow = flow;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest r) {
            onRequest(ctx, r);
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
            ctx.fireChannelRead(new Forward(r, false, ForwardObserver.NONE));
            return;
        }
        request = r;
        RequestFacts facts = RequestFacts.of(ctx.channel());
        live = facts != null && facts.live() != null ? facts.live() : flow.live.get();
        bodyPending = HttpUtil.isTransferEncodingChunked(r) || HttpUtil.getContentLength(r, 0L) > 0;
        ClickRequest click = new ClickRequest(r.method().name(), path, query, token, client(ctx), r.headers()::get,
                flow.clock.instant());
        if (ContinueBody.isContinue(r)) {
            route = "continue";
            if (HttpUtil.getContentLength(r, 0L) > ContinueForm.MAX_BODY_BYTES) {
                tooLarge(ctx);
                return;
            }
            state = State.READ_FORM;
            form = new ByteArrayOutputStream();
            pendingClick = click;
            ctx.read();
            return;
        }
        route = "link";
        state = State.DECIDING;
        if (!bodyPending) {
            // Its end was decoded with its head: take it now, so the request is whole whatever happens next.
            ctx.read();
        }
        OnLoop.then(live.decider().decide(click), ctx.executor(), (d, e) -> decided(ctx, d, e));
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
        if (state != State.READ_FORM) {
            c.release();
            return;
        }
        int n = c.content().readableBytes();
        if (form.size() + n > ContinueForm.MAX_BODY_BYTES) {
            c.release();
            tooLarge(ctx);
            return;
        }
        byte[] bytes = new byte[n];
        c.content().readBytes(bytes);
        c.release();
        form.writeBytes(bytes);
        if (!last) {
            ctx.read();
            return;
        }
        state = State.DECIDING;
        ContinueBody body = ContinueBody.parse(form.toByteArray());
        form = null;
        ClickRequest click = pendingClick;
        pendingClick = null;
        OnLoop.then(live.decider().decideContinue(click, body.token(), body.proof()), ctx.executor(),
                (d, e) -> decided(ctx, d, e));
    }

    private void decided(ChannelHandlerContext ctx, Decision d, Throwable error) {
        if (error != null) {
            LOG.warn("link decision failed: {}", error.toString());
            countAs(ctx, "error", "policy_error");
            problem(ctx, Problem.UPSTREAM_UNAVAILABLE);
            return;
        }
        if (!ctx.channel().isActive()) {
            if (d.claimed()) {
                live.decider().forwardFailed(d);
            }
            state = State.IDLE;
            request = null;
            live = null;
            return;
        }
        String action = d.action().name().toLowerCase(Locale.ROOT);
        countAs(ctx, action, d.reason());
        flow.metrics.signals(d.classification());
        if ("continue".equals(route)) {
            flow.metrics.continued(d.action() == Action.FORWARD ? "accepted" : d.reason());
        }
        RequestFacts facts = RequestFacts.of(ctx.channel());
        if (facts != null) {
            List<String> reasons = new ArrayList<>();
            reasons.add(d.reason());
            reasons.addAll(d.classification().reasons());
            facts.decided(action, reasons);
        }
        switch (d.action()) {
            case FORWARD, PASS -> forward(ctx, d);
            case COALESCE -> coalesce(ctx, d);
            case INTERSTITIAL -> interstitial(ctx, d.interstitial() != null ? d.interstitial() : live.decider().interstitialFor(d));
            case REJECT -> problem(ctx, problemFor(d.reason()));
        }
    }

    private void forward(ChannelHandlerContext ctx, Decision d) {
        ForwardObserver observer = d.claimed()
                ? new ClaimedForward(live.decider(), d, ctx.executor(), flow.inFlight, live.maxCoalesceBody())
                : ForwardObserver.NONE;
        HttpRequest forwarded = "continue".equals(route) ? asLinkGet(request) : request;
        boolean bodyRead = !bodyPending;
        state = bodyRead ? State.IDLE : State.PASS;
        request = null;
        live = null;
        ctx.fireChannelRead(new Forward(forwarded, bodyRead, observer));
    }

    private void coalesce(ChannelHandlerContext ctx, Decision d) {
        CoalescedClick.await(live.decider(), flow.inFlight, d, ctx.channel(), live.coalesceWait(), outcome -> {
            flow.metrics.duplicateClick(outcome.kind());
            if (outcome.copy() != null) {
                respond(ctx, replay(outcome.copy()));
            } else {
                interstitial(ctx, live.decider().interstitialFor(d));
            }
        });
    }

    private void interstitial(ChannelHandlerContext ctx, Interstitial interstitial) {
        String nonce = InterstitialPage.newNonce();
        if (HttpMethod.HEAD.equals(request.method())) {
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.EMPTY_BUFFER);
            LocalResponses.securityHeaders(r, nonce);
            r.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
            respond(ctx, r);
            return;
        }
        InterstitialPage.Page page = live.pages().continuePage(interstitial, acceptLanguage(), nonce);
        respond(ctx, LocalResponses.page(page, nonce, false));
    }

    private void problem(ChannelHandlerContext ctx, Problem problem) {
        String nonce = InterstitialPage.newNonce();
        InterstitialPage.Page page = live.pages().problemPage(problem, acceptLanguage(), nonce);
        respond(ctx, LocalResponses.page(page, nonce, HttpMethod.HEAD.equals(request.method())));
    }

    private void tooLarge(ChannelHandlerContext ctx) {
        countAs(ctx, "reject", "body_too_large");
        form = null;
        pendingClick = null;
        bodyPending = true;
        respond(ctx, LocalResponses.plain(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE));
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

    private FullHttpResponse replay(SharedResponse copy) {
        boolean head = HttpMethod.HEAD.equals(request.method());
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(copy.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(copy.body()));
        for (Map.Entry<String, String> h : copy.headers()) {
            r.headers().add(h.getKey(), h.getValue());
        }
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, copy.body().length);
        return r;
    }

    /** The accepted continue becomes the link's own GET: same path and query, the POST's headers, no body. */
    private static HttpRequest asLinkGet(HttpRequest post) {
        HttpRequest get = new DefaultHttpRequest(post.protocolVersion(), HttpMethod.GET, post.uri(), post.headers().copy());
        get.headers().remove(HttpHeaderNames.CONTENT_LENGTH).remove(HttpHeaderNames.CONTENT_TYPE)
                .remove(HttpHeaderNames.CONTENT_ENCODING).remove(HttpHeaderNames.TRANSFER_ENCODING)
                .remove(HttpHeaderNames.ORIGIN).remove(HttpHeaderNames.EXPECT);
        return get;
    }

    private static Problem problemFor(String reason) {
        return switch (reason) {
            case "token_expired" -> Problem.TOKEN_EXPIRED;
            case "token_replayed" -> Problem.TOKEN_REPLAYED;
            case "gesture_required" -> Problem.GESTURE_REQUIRED;
            default -> Problem.TOKEN_INVALID;
        };
    }

    /** The outcome the access log counts this request under once its response is sent. */
    private void countAs(ChannelHandlerContext ctx, String decision, String reason) {
        RequestFacts facts = RequestFacts.of(ctx.channel());
        if (facts != null) {
            facts.meters(flow.metrics.outcome(route, decision, reason));
        }
    }

    private String acceptLanguage() {
        return request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE);
    }

    private static InetAddress client(ChannelHandlerContext ctx) {
        RequestFacts facts = RequestFacts.of(ctx.channel());
        if (facts != null && facts.client() != null) {
            return facts.client();
        }
        return ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
    }
}
