package dev.linkgate.gateway.testing;

import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.detect.Evidence;
import dev.linkgate.core.detect.Verdict;
import dev.linkgate.core.detect.Weight;
import dev.linkgate.core.ledger.InMemoryClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.ledger.LinkState;
import dev.linkgate.core.ledger.LinkView;
import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.core.ledger.Visit;
import dev.linkgate.core.policy.Action;
import dev.linkgate.core.policy.Decision;
import dev.linkgate.core.policy.Interstitial;
import dev.linkgate.core.policy.Reason;
import dev.linkgate.core.request.BrowserFingerprint;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.core.request.ClientNetwork;
import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.token.ContinueTokens;
import dev.linkgate.gateway.link.LinkDecider;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A stand-in for the click policy until the real detector lands: the verdict comes from a script over the
 * request (by default: HEAD, tools and bots are BOT; Chrome/80 and 40.94.0.0/16 are SUSPECT; "Unconfirmed" in
 * the user agent is UNCONFIRMED; anything else is HUMAN). The rest is the real thing: the in-memory ledger
 * (claims, copies, fingerprints) and the continue tokens. Wrap it in a {@link RecordingDecider} to see what it decided.
 */
public final class ScriptedDecider implements LinkDecider {
    private final Function<ClickRequest, Verdict> script;
    private final InMemoryClickLedger ledger;
    private final ContinueTokens tokens;
    private final Duration doubleClick;
    private boolean monitor;

    public ScriptedDecider(Function<ClickRequest, Verdict> script, Clock clock, Duration doubleClick) {
        this.script = script;
        this.doubleClick = doubleClick;
        this.ledger = new InMemoryClickLedger(new LedgerSettings(Duration.ofDays(1), 10_000, Duration.ofMinutes(1),
                doubleClick), clock);
        byte[] secret = new byte[32];
        java.util.Arrays.fill(secret, (byte) 3);
        this.tokens = new ContinueTokens(secret, Duration.ofMinutes(10), clock);
    }

    public static ScriptedDecider standard() {
        return new ScriptedDecider(ScriptedDecider::verdict, Clock.systemUTC(), Duration.ofSeconds(5));
    }

    /** Monitor mode: decide everything, forward it all anyway. */
    public ScriptedDecider monitoring() {
        monitor = true;
        return this;
    }

    public static Verdict verdict(ClickRequest r) {
        String ua = r.userAgent() == null ? "" : r.userAgent().toLowerCase(Locale.ROOT);
        if (!"GET".equals(r.method()) || ua.isEmpty() || ua.contains("bot") || ua.contains("curl")) {
            return Verdict.BOT;
        }
        byte[] a = r.client().getAddress();
        if (ua.contains("chrome/80.") || (a.length == 4 && (a[0] & 0xff) == 40 && ((a[1] & 0xff) >> 1) == 46)) {
            return Verdict.SUSPECT;
        }
        return r.headers().get("Sec-Fetch-Mode") == null ? Verdict.UNCONFIRMED : Verdict.HUMAN;
    }

    @Override
    public CompletionStage<Decision> decide(ClickRequest r) {
        Verdict v = script.apply(r);
        Classification c = new Classification(v, v == Verdict.HUMAN ? List.of()
                : List.of(new Evidence("script", Weight.valueOf(v == Verdict.UNCONFIRMED ? "UNCONFIRMED" : v.name()),
                v.name().toLowerCase(Locale.ROOT))));
        LinkId link = LinkId.of(r.linkKey());
        long fp = BrowserFingerprint.of(r);
        boolean clean = !c.hasScannerSignal();
        Visit visit = new Visit(link, fp, ClientNetwork.idOf(r.client()), clean, v == Verdict.HUMAN);
        return ledger.visit(visit).thenApply(view -> record(monitored(decideAfter(r, c, link, fp, view))));
    }

    private Decision decideAfter(ClickRequest r, Classification c, LinkId link, long fp, LinkView view) {
        if (view.claimedNow()) {
            return new Decision(Action.FORWARD, Reason.FIRST_CLICK, Action.FORWARD, c, link, fp, view, true, null, List.of());
        }
        if (view.state() != LinkState.OPEN && view.ownedBy(fp) && view.claimedAt() != null
                && !r.receivedAt().isAfter(view.claimedAt().plus(doubleClick))) {
            return new Decision(Action.COALESCE, Reason.DOUBLE_CLICK, Action.COALESCE, c, link, fp, view, false, null, List.of());
        }
        Interstitial page = "GET".equals(r.method()) ? mint(link, fp, view) : null;
        return new Decision(Action.INTERSTITIAL, c.verdict() == Verdict.HUMAN ? Reason.CLAIMED : Reason.valueOf(c.verdict().name()), Action.INTERSTITIAL, c,
                link, fp, view, false, page, List.of());
    }

    @Override
    public CompletionStage<Decision> decideContinue(ClickRequest r, String token, String proof) {
        LinkId link = LinkId.of(r.linkKey());
        long fp = BrowserFingerprint.of(r);
        Classification c = new Classification(Verdict.HUMAN, List.of());
        ContinueTokens.Check check = tokens.verify(token, link, fp);
        if (check.status() != ContinueTokens.Check.Status.VALID) {
            Reason reason = check.status() == ContinueTokens.Check.Status.EXPIRED ? Reason.TOKEN_EXPIRED : Reason.TOKEN_INVALID;
            return CompletableFuture.completedFuture(record(reject(reason, c, link, fp)));
        }
        return ledger.spendNonce(check.nonce(), check.expiresAt()).thenCompose(first -> first
                ? ledger.takeOver(link, fp).thenApply(view -> record(new Decision(Action.FORWARD, Reason.CONTINUE,
                        Action.FORWARD, c, link, fp, view, true, null, List.of())))
                : CompletableFuture.completedFuture(record(reject(Reason.TOKEN_REPLAYED, c, link, fp))));
    }

    @Override
    public CompletionStage<Boolean> forwarded(Decision d, SharedResponse copy) {
        return d.claimed() ? ledger.complete(d.link(), d.fingerprint(), copy) : CompletableFuture.completedFuture(false);
    }

    @Override
    public CompletionStage<Boolean> forwardFailed(Decision d) {
        return d.claimed() ? ledger.release(d.link(), d.fingerprint()) : CompletableFuture.completedFuture(false);
    }

    @Override
    public CompletionStage<Optional<SharedResponse>> sharedResponse(Decision d) {
        return ledger.sharedResponse(d.link(), d.fingerprint());
    }

    @Override
    public CompletionStage<Optional<SharedResponse>> resumeCopy(Decision d) {
        return ledger.resumeCopy(d.link(), d.browser());
    }

    @Override
    public Interstitial interstitialFor(Decision d) {
        return mint(d.link(), d.fingerprint(), d.view() == null ? LinkView.open(0) : d.view());
    }

    @Override
    public CompletionStage<Optional<LinkView>> lookup(Decision d) {
        return ledger.lookup(d.link());
    }

    @Override
    public long ledgerSize() {
        return ledger.size();
    }

    private Interstitial mint(LinkId link, long fp, LinkView view) {
        ContinueTokens.Minted m = tokens.mint(link, fp);
        return new Interstitial(m.token(), tokens.proof(m.token()), 0, view.firstOpenedAt(), m.expiresAt());
    }

    private Decision monitored(Decision d) {
        if (!monitor || d.action() == Action.FORWARD) {
            return d;
        }
        return new Decision(Action.FORWARD, d.reason(), d.action(), d.classification(), d.link(), d.fingerprint(),
                d.view(), false, null, d.trace());
    }

    private static Decision record(Decision d) {
        return d;
    }

    private static Decision reject(Reason reason, Classification c, LinkId link, long fp) {
        return new Decision(Action.REJECT, reason, Action.REJECT, c, link, fp, null, false, null, List.of());
    }
}
