package dev.linkgate.gateway.link;

import dev.linkgate.core.policy.ClickPolicy;
import dev.linkgate.core.policy.Decision;
import dev.linkgate.gateway.http.RelayedResponse;
import dev.linkgate.gateway.http1.ResponseHead;
import dev.linkgate.gateway.proxy.ForwardObserver;
import dev.linkgate.gateway.proxy.UpstreamError;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.concurrent.EventExecutor;

/**
 * Settles a claimed link with the forward's outcome: the response (with a copy for the same browser's double
 * click and its resume, when small enough) completes the claim and carries linkgate's browser cookie; no
 * response, or a 5xx (the app did not serve the link), releases it, so the next click forwards again.
 * Outlives the client: a browser often drops the first navigation when the person clicks twice, and the
 * second click is waiting for exactly this response.
 */
final class ClaimedForward implements ForwardObserver {
    private final ClickPolicy policy;
    private final Decision decision;
    private final EventExecutor loop;
    private final InFlightForwards.Forward inFlight;
    private final ResponseCopy copy;
    private final String setCookie;
    private boolean serverError;

    /** @param setCookie linkgate's {@code Set-Cookie} value for this browser, or null */
    ClaimedForward(ClickPolicy policy, Decision decision, EventExecutor loop, InFlightForwards inFlight, int maxCopy,
                   String setCookie) {
        this.policy = policy;
        this.decision = decision;
        this.loop = loop;
        this.inFlight = inFlight.started(decision, loop);
        this.copy = new ResponseCopy(maxCopy);
        this.setCookie = setCookie;
    }

    @Override
    public boolean hearsBytes() {
        return true;
    }

    @Override
    public void responseHead(ResponseHead head, RelayedResponse response) {
        serverError = head.status() >= 500;
        copy.head(head);
        if (setCookie != null && !serverError) {
            response.addSetCookie(setCookie);
        }
    }

    @Override
    public void responseHead(HttpResponse response) {
        serverError = response.status().code() >= 500;
        // The copy is the app's response alone: linkgate's cookie is added after it is taken.
        copy.head(response);
        if (setCookie != null && !serverError) {
            response.headers().add(HttpHeaderNames.SET_COOKIE, setCookie);
        }
    }

    @Override
    public void responseBody(ByteBuf chunk) {
        copy.body(chunk);
    }

    @Override
    public void responseEnd(boolean complete) {
        if (serverError) {
            failed(UpstreamError.PROTOCOL);
            return;
        }
        OnLoop.then(policy.forwarded(decision, complete ? copy.result() : null), loop, (ok, e) -> inFlight.finished());
    }

    @Override
    public void failed(UpstreamError error) {
        OnLoop.then(policy.forwardFailed(decision), loop, (ok, e) -> inFlight.finished());
    }

    @Override
    public boolean outlivesClient() {
        return true;
    }
}
