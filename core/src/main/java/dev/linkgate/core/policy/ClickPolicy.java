package dev.linkgate.core.policy;

import dev.linkgate.core.config.Mode;
import dev.linkgate.core.config.Durations;
import dev.linkgate.core.config.PolicyConfig;
import dev.linkgate.core.config.Reclick;
import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.detect.Detector;
import dev.linkgate.core.detect.RequestClassifier;
import dev.linkgate.core.detect.Verdict;
import dev.linkgate.core.ledger.BrowserId;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.LinkState;
import dev.linkgate.core.ledger.LinkView;
import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.core.ledger.Visit;
import dev.linkgate.core.request.BrowserFingerprint;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.core.request.ClientNetwork;
import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.session.BrowserCookies;
import dev.linkgate.core.token.ContinueTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Decides what happens to each request on a link: forward the first genuine click, coalesce the same
 * browser's double click onto it, give the browser that opened the link (linkgate's cookie) its first response
 * again within the resume window, and send everything else to the interstitial; checks continues.
 */
public final class ClickPolicy {
    private final PolicyConfig config;
    private final RequestClassifier detector;
    private final ClickLedger ledger;
    private final ContinueTokens tokens;
    private final BrowserCookies cookies;
    private final Clock clock;
    /** The trace's line for a cookie set: the same on every claimed forward, so written once. */
    private final String cookieLine;
    /** Whether decisions carry their {@link Decision#trace() trace}: for {@code explain} and tests, not serving. */
    private final boolean traced;

    /** Without linkgate's browser cookie: no resume, no different-link notice. */
    public ClickPolicy(PolicyConfig config, RequestClassifier detector, ClickLedger ledger, ContinueTokens tokens, Clock clock) {
        this(config, detector, ledger, tokens, null, clock);
    }

    /** @param cookies linkgate's browser cookie; null, or a resume window of 0, turns resume off */
    public ClickPolicy(PolicyConfig config, RequestClassifier detector, ClickLedger ledger, ContinueTokens tokens,
                       BrowserCookies cookies, Clock clock) {
        this(config, detector, ledger, tokens, cookies, clock, false);
    }

    private ClickPolicy(PolicyConfig config, RequestClassifier detector, ClickLedger ledger, ContinueTokens tokens,
                        BrowserCookies cookies, Clock clock, boolean traced) {
        this.traced = traced;
        this.config = config;
        this.detector = detector;
        this.ledger = ledger;
        this.tokens = tokens;
        this.cookies = config.resumes() ? cookies : null;
        this.clock = clock;
        this.cookieLine = "sets linkgate's browser cookie for " + Durations.format(config.resumeWindow());
    }

    /**
     * This policy with each decision's account kept in {@link Decision#trace()}, as {@code explain} prints it.
     * Serving leaves it off: a first click would otherwise make five or so lines of text nobody reads.
     */
    public ClickPolicy traced() {
        return new ClickPolicy(config, detector, ledger, tokens, cookies, clock, true);
    }

    /** linkgate's browser cookie, or null when resume is off. */
    public BrowserCookies cookies() {
        return cookies;
    }

    public PolicyConfig config() {
        return config;
    }

    public ClickLedger ledger() {
        return ledger;
    }

    /** Request-local detection only (no ledger), for {@code explain} and tests. */
    public Classification classify(ClickRequest request) {
        return detector.classify(request);
    }

    /** A request on a link path that is not a continue. */
    public CompletionStage<Decision> decide(ClickRequest request) {
        Classification found = detector.classify(request);
        LinkId link = LinkId.of(request.linkKey());
        long fingerprint = BrowserFingerprint.of(request);
        boolean clean = !found.hasScannerSignal();
        boolean wantClaim = found.verdict() == Verdict.HUMAN && config.mode() != Mode.STRICT;
        Visit visit = new Visit(link, fingerprint, ClientNetwork.idOf(request.client()), clean, wantClaim);
        BrowserCookies.Presented presented = presentedCookie(request);
        return ledger.visit(visit).handle((view, error) -> error == null
                ? decideAfterVisit(request, found, link, fingerprint, view, presented)
                : storeUnavailable(request, found, link, fingerprint, error, Trace.of(traced), presented));
    }

    private BrowserCookies.Presented presentedCookie(ClickRequest request) {
        return cookies == null ? null : cookies.read(request.headers().get("Cookie"));
    }

    /**
     * The ledger could not answer (shared store down, and its fallback says so): nobody can know whether this
     * link was used, so nothing is claimed and the person gets the interstitial; monitor mode still forwards.
     */
    private Decision storeUnavailable(ClickRequest request, Classification found, LinkId link, long fingerprint,
                                      Throwable error, Trace trace, BrowserCookies.Presented presented) {
        if (trace.on()) {
            trace.add("click store unavailable (" + rootCause(error).getClass().getSimpleName() + "): interstitial"
                    + (presented != null && presented.isFor(link) ? " (a resume cannot be confirmed)" : ""));
        }
        Action taken = config.mode() == Mode.MONITOR ? Action.FORWARD : Action.INTERSTITIAL;
        Interstitial page = taken == Action.INTERSTITIAL && "GET".equals(request.method())
                ? interstitial(link, fingerprint, LinkView.open(0), presented) : null;
        return new Decision(taken, Reason.STORE_UNAVAILABLE, Action.INTERSTITIAL, found, link, fingerprint, null, false,
                page, trace.lines());
    }

    private static Throwable rootCause(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private Decision decideAfterVisit(ClickRequest request, Classification found, LinkId link, long fingerprint,
                                      LinkView view, BrowserCookies.Presented presented) {
        Trace trace = Trace.of(traced);
        if (trace.on()) {
            trace.add("verdict " + found.verdict() + " from " + describe(found));
        }
        Classification classification = found;
        if (!found.hasScannerSignal() && view.recentNetworks() >= Visit.FAN_OUT_NETWORKS) {
            classification = found.with(Detector.fanOut(view.recentNetworks()));
            if (trace.on()) {
                trace.add("fan-out: " + view.recentNetworks() + " client networks within " + config.fanOutWindow());
            }
        }
        if (trace.on()) {
            trace.add("link " + view.state()
                    + (view.firstOpenedAt() == null ? "" : ", first opened " + view.firstOpenedAt()));
        }

        Action action;
        Reason reason;
        BrowserId browser = presented != null && presented.isFor(link) ? presented.browser() : null;
        if (view.claimedNow()) {
            action = Action.FORWARD;
            reason = Reason.FIRST_CLICK;
            trace.add("claimed the link for this browser: forward");
        } else if (browser != null && isNavigation(request) && view.resumableBy(browser)) {
            action = Action.RESUME;
            reason = Reason.SAME_BROWSER;
            if (trace.on()) {
                trace.add("the browser that opened the link (its cookie) within " + config.resumeWindow()
                        + ": its first response again");
            }
        } else if (view.state() != LinkState.OPEN && view.ownedBy(fingerprint) && withinDoubleClick(view, request)) {
            action = Action.COALESCE;
            reason = Reason.DOUBLE_CLICK;
            if (trace.on()) {
                trace.add("same browser within " + config.doubleClickWindow() + ": reuse the first response");
            }
        } else if (view.state() == LinkState.FORWARDED && view.ownedBy(fingerprint) && config.reclick() == Reclick.FORWARD
                && classification.verdict() == Verdict.HUMAN) {
            action = Action.FORWARD;
            reason = Reason.RECLICK_OWNER;
            trace.add("the browser that opened the link clicks again and reclick is forward");
        } else {
            action = Action.INTERSTITIAL;
            reason = interstitialReason(classification, view);
            if (trace.on()) {
                trace.add("interstitial: " + reason);
            }
        }

        Action taken = action;
        if (config.mode() == Mode.MONITOR && action != Action.FORWARD) {
            taken = Action.FORWARD;
            if (trace.on()) {
                trace.add("monitor mode: forwarded anyway (would have been " + action + ")");
            }
        }
        Interstitial page = null;
        if (taken == Action.INTERSTITIAL && "GET".equals(request.method())) {
            page = interstitial(link, fingerprint, view, presented);
        }
        BrowserCookies.Minted cookie = view.claimedNow() ? newCookie(link, trace) : null;
        return new Decision(taken, reason, action, classification, link, fingerprint, view, view.claimedNow(), page,
                trace.lines(), cookie, browser);
    }

    /** A claimed forward names its browser with a fresh cookie, when resume is on. */
    private BrowserCookies.Minted newCookie(LinkId link, Trace trace) {
        if (cookies == null) {
            return null;
        }
        trace.add(cookieLine);
        return cookies.mint(link);
    }

    /** A resume answers only what a browser's navigation would send: never a POST or a preflight. */
    private static boolean isNavigation(ClickRequest request) {
        return "GET".equals(request.method()) || "HEAD".equals(request.method());
    }

    private Reason interstitialReason(Classification c, LinkView view) {
        if (view.state() == LinkState.FORWARDED && view.firstOpenedAt() != null) {
            return Reason.RECLICK;
        }
        if (view.state() == LinkState.IN_FLIGHT) {
            return Reason.IN_FLIGHT_OTHER;
        }
        return switch (c.verdict()) {
            case BOT -> Reason.BOT;
            case SUSPECT -> c.reasons().contains(Detector.FAN_OUT) ? Reason.FAN_OUT : Reason.SUSPECT;
            case UNCONFIRMED -> Reason.UNCONFIRMED;
            case HUMAN -> config.mode() == Mode.STRICT ? Reason.STRICT : Reason.CLAIMED;
        };
    }

    private boolean withinDoubleClick(LinkView view, ClickRequest request) {
        return view.claimedAt() != null
                && !request.receivedAt().isAfter(view.claimedAt().plus(config.doubleClickWindow()));
    }

    private Interstitial interstitial(LinkId link, long fingerprint, LinkView view, BrowserCookies.Presented presented) {
        ContinueTokens.Minted minted = tokens.mint(link, fingerprint);
        // The cookie is checked against its own lifetime, the resume window: a valid one for another link means
        // that link's session may still be open in this browser.
        boolean otherSession = presented != null && !presented.isFor(link);
        return new Interstitial(minted.token(), tokens.proof(minted.token()), config.gestureDwell().toMillis(),
                view.firstOpenedAt(), minted.expiresAt(), otherSession);
    }

    /**
     * A POST of the interstitial's form. Accepted when the token is valid for this link and browser AND either
     * it carries the gesture proof (given after the dwell) or this request shows no BOT or SUSPECT signal.
     * Only an accepted continue spends the nonce, so a scanner's rejected submit does not burn the person's page.
     */
    public CompletionStage<Decision> decideContinue(ClickRequest request, String token, String proof) {
        Trace trace = Trace.of(traced);
        LinkId link = LinkId.of(request.linkKey());
        long fingerprint = BrowserFingerprint.of(request);
        // The continue is a form navigation: judge its headers as the navigation it is.
        ClickRequest navigation = asNavigation(request);
        Classification classification = detector.classify(navigation);
        if (trace.on()) {
            trace.add("continue: verdict " + classification.verdict() + " from " + describe(classification));
        }
        ContinueTokens.Check check = tokens.verify(token, link, fingerprint);
        if (check.status() == ContinueTokens.Check.Status.INVALID) {
            trace.add("token invalid for this link and browser");
            return done(reject(Reason.TOKEN_INVALID, classification, link, fingerprint, trace));
        }
        if (check.status() == ContinueTokens.Check.Status.EXPIRED) {
            if (trace.on()) {
                trace.add("token expired at " + check.expiresAt());
            }
            return done(reject(Reason.TOKEN_EXPIRED, classification, link, fingerprint, trace));
        }
        Instant dwellDone = check.issuedAt().plus(config.gestureDwell());
        boolean gesture = tokens.proofMatches(token, proof) && !clock.instant().isBefore(dwellDone);
        trace.add(gesture ? "gesture proof present after the dwell" : "no valid gesture proof");
        if (!gesture && classification.hasScannerSignal()) {
            trace.add("scanner signals without a gesture: not accepted, nonce kept");
            return done(reject(Reason.GESTURE_REQUIRED, classification, link, fingerprint, trace));
        }
        return ledger.spendNonce(check.nonce(), check.expiresAt()).thenCompose(first -> {
            if (!first) {
                trace.add("nonce already spent");
                return done(reject(Reason.TOKEN_REPLAYED, classification, link, fingerprint, trace));
            }
            return ledger.takeOver(link, fingerprint).thenApply(view -> {
                trace.add("accepted: link claimed for this browser, forwarding once as GET");
                return new Decision(Action.FORWARD, Reason.CONTINUE, Action.FORWARD, classification, link, fingerprint,
                        view, true, null, trace.lines(), newCookie(link, trace), null);
            });
        }).handle((decision, error) -> error == null ? decision
                // Without the store a nonce cannot be spent: show the page again rather than accept a replayable token.
                : storeUnavailable(navigation, classification, link, fingerprint, error, trace, null));
    }

    /**
     * The forward got its response: the link is used and belongs to the browser its cookie names; the copy serves
     * the owner's double clicks and, within the resume window, that browser's return.
     */
    public CompletionStage<Boolean> forwarded(Decision decision, SharedResponse copy) {
        if (!decision.claimed()) {
            return done(false);
        }
        return ledger.complete(decision.link(), decision.fingerprint(), copy, decision.owner());
    }


    /** The forward failed before any response: release the link so the next click forwards. */
    public CompletionStage<Boolean> forwardFailed(Decision decision) {
        if (!decision.claimed()) {
            return done(false);
        }
        return ledger.release(decision.link(), decision.fingerprint());
    }

    /** A fresh interstitial for a request whose coalesce could not be served (too large, timed out). */
    public Interstitial interstitialFor(Decision decision) {
        LinkView view = decision.view() == null ? LinkView.open(0) : decision.view();
        return interstitial(decision.link(), decision.fingerprint(), view, null);
    }

    private Decision reject(Reason reason, Classification c, LinkId link, long fingerprint, Trace trace) {
        if (trace.on()) {
            trace.add("reject: " + reason);
        }
        return new Decision(Action.REJECT, reason, Action.REJECT, c, link, fingerprint, null, false, null,
                trace.lines());
    }

    private static ClickRequest asNavigation(ClickRequest r) {
        return new ClickRequest("GET", r.path(), r.query(), r.linkKey(), r.client(), r.headers(), r.receivedAt());
    }

    private static String describe(Classification c) {
        return c.evidence().isEmpty() ? "no evidence" : String.join(", ", c.reasons());
    }

    private static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
