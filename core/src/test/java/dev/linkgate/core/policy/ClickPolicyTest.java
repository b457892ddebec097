package dev.linkgate.core.policy;

import dev.linkgate.core.config.Mode;
import dev.linkgate.core.config.PolicyConfig;
import dev.linkgate.core.config.Reclick;
import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.detect.Evidence;
import dev.linkgate.core.detect.Weight;
import dev.linkgate.core.ledger.InMemoryClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.ledger.LinkState;
import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.core.request.RequestHeaders;
import dev.linkgate.core.testing.MutableClock;
import dev.linkgate.core.token.ContinueTokens;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every branch of the policy with plain objects: a scripted classifier (the User-Agent header names the
 * verdict to give), the in-memory ledger and a clock the tests move.
 */
class ClickPolicyTest {
    private static final String HUMAN = "human";
    private static final String BOT = "bot";
    private static final String STALE = "stale";
    private static final String UNSURE = "unsure";

    private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
    private final InMemoryClickLedger ledger = new InMemoryClickLedger(
            new LedgerSettings(Duration.ofHours(72), 10_000, Duration.ofSeconds(2), Duration.ofSeconds(2)), clock);
    private final ContinueTokens tokens = new ContinueTokens(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(10), clock);

    private ClickPolicy policy(Mode mode, Reclick reclick) {
        PolicyConfig config = new PolicyConfig(mode, Duration.ofSeconds(2), Duration.ofHours(72), reclick,
                Duration.ofMinutes(10), Duration.ofSeconds(2), 8, Duration.ofMillis(800));
        return new ClickPolicy(config, ClickPolicyTest::scripted, ledger, tokens, clock);
    }

    private ClickPolicy balanced() {
        return policy(Mode.BALANCED, Reclick.INTERSTITIAL);
    }

    private static Classification scripted(ClickRequest r) {
        String ua = r.userAgent();
        if (!"GET".equals(r.method())) {
            return Classification.of(List.of(new Evidence("method", Weight.BOT, "method_head")));
        }
        return switch (ua) {
            case HUMAN -> Classification.of(List.of(new Evidence("consistency", Weight.CONFIRMS_BROWSER, "browser_confirmed")));
            case BOT -> Classification.of(List.of(new Evidence("user_agent", Weight.BOT, "ua_tool")));
            case STALE -> Classification.of(List.of(new Evidence("stale_browser", Weight.SUSPECT, "stale_browser")));
            default -> Classification.of(List.of(new Evidence("consistency", Weight.UNCONFIRMED, "fetch_metadata_missing")));
        };
    }

    private ClickRequest request(String method, String link, String ua, String ip) {
        try {
            return new ClickRequest(method, "/sign/" + link, null, link, InetAddress.getByName(ip),
                    RequestHeaders.of("User-Agent", ua, "Accept-Language", "en"), clock.instant());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private ClickRequest get(String link, String ua, String ip) {
        return request("GET", link, ua, ip);
    }

    private static Decision await(java.util.concurrent.CompletionStage<Decision> stage) {
        try {
            return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Decision forwardAndComplete(ClickPolicy policy, ClickRequest r) {
        Decision d = await(policy.decide(r));
        assertEquals(Action.FORWARD, d.action());
        policy.forwarded(d, new SharedResponse(302, List.of(Map.entry("Set-Cookie", "s=1")), new byte[0]));
        return d;
    }

    @Test
    void aHumansFirstClickIsForwardedAndClaimed() {
        Decision d = await(balanced().decide(get("t1", HUMAN, "203.0.113.7")));
        assertEquals(Action.FORWARD, d.action());
        assertEquals("first_click", d.reason().label());
        assertTrue(d.claimed());
        assertNull(d.interstitial());
    }

    @Test
    void aBotGetsTheInterstitialAndNeverClaims() {
        ClickPolicy policy = balanced();
        Decision d = await(policy.decide(get("t2", BOT, "40.92.1.1")));
        assertEquals(Action.INTERSTITIAL, d.action());
        assertEquals("bot", d.reason().label());
        assertFalse(d.claimed());
        assertNotNull(d.interstitial());
        assertEquals(Action.FORWARD, await(policy.decide(get("t2", HUMAN, "203.0.113.7"))).action(),
                "the person clicking after the scanner is still forwarded");
    }

    @Test
    void headGetsTheInterstitialWithoutAToken() {
        Decision d = await(balanced().decide(request("HEAD", "t3", HUMAN, "203.0.113.7")));
        assertEquals(Action.INTERSTITIAL, d.action());
        assertNull(d.interstitial(), "HEAD gets no body, so no token is minted");
    }

    @Test
    void aSuspectAndAnUnconfirmedRequestGetTheInterstitial() {
        assertEquals("suspect", await(balanced().decide(get("t4", STALE, "203.0.113.7"))).reason().label());
        assertEquals("unconfirmed", await(balanced().decide(get("t5", UNSURE, "203.0.113.7"))).reason().label());
    }

    @Test
    void strictModeSendsEvenAHumansFirstClickToTheInterstitial() {
        Decision d = await(policy(Mode.STRICT, Reclick.INTERSTITIAL).decide(get("t6", HUMAN, "203.0.113.7")));
        assertEquals(Action.INTERSTITIAL, d.action());
        assertEquals("strict", d.reason().label());
        assertFalse(d.claimed());
    }

    @Test
    void monitorModeForwardsABotButRecordsTheInterstitial() {
        Decision d = await(policy(Mode.MONITOR, Reclick.INTERSTITIAL).decide(get("t7", BOT, "203.0.113.7")));
        assertEquals(Action.FORWARD, d.action());
        assertEquals(Action.INTERSTITIAL, d.wouldHave());
        assertTrue(d.monitored());
        assertFalse(d.claimed());
    }

    @Test
    void theSameBrowsersDoubleClickIsCoalesced() {
        ClickPolicy policy = balanced();
        await(policy.decide(get("t8", HUMAN, "203.0.113.7")));
        clock.advance(Duration.ofMillis(100));
        Decision second = await(policy.decide(get("t8", HUMAN, "203.0.113.9")));
        assertEquals(Action.COALESCE, second.action(), "same /24, same browser headers");
        assertFalse(second.claimed());
    }

    @Test
    void anotherBrowsersClickDuringTheFirstGetsTheInterstitial() {
        ClickPolicy policy = balanced();
        await(policy.decide(get("t9", HUMAN, "203.0.113.7")));
        Decision other = await(policy.decide(get("t9", HUMAN, "198.51.100.7")));
        assertEquals(Action.INTERSTITIAL, other.action());
    }

    @Test
    void aReclickAfterTheWindowSaysWhenTheLinkWasFirstOpened() {
        ClickPolicy policy = balanced();
        Decision first = forwardAndComplete(policy, get("t10", HUMAN, "203.0.113.7"));
        clock.advance(Duration.ofMinutes(1));
        Decision again = await(policy.decide(get("t10", HUMAN, "203.0.113.7")));
        assertEquals(Action.INTERSTITIAL, again.action());
        assertEquals("reclick", again.reason().label());
        assertEquals(first.view().claimedAt(), again.interstitial().firstOpenedAt());
        assertTrue(again.interstitial().reclick());
    }

    @Test
    void reclickForwardLetsOnlyTheOwnerThrough() {
        ClickPolicy policy = policy(Mode.BALANCED, Reclick.FORWARD);
        forwardAndComplete(policy, get("t11", HUMAN, "203.0.113.7"));
        clock.advance(Duration.ofMinutes(1));
        assertEquals("reclick_owner", await(policy.decide(get("t11", HUMAN, "203.0.113.7"))).reason().label());
        assertEquals(Action.INTERSTITIAL, await(policy.decide(get("t11", HUMAN, "198.51.100.7"))).action());
    }

    @Test
    void aFailedForwardReleasesTheLinkForTheNextClick() {
        ClickPolicy policy = balanced();
        Decision first = await(policy.decide(get("t12", HUMAN, "203.0.113.7")));
        policy.forwardFailed(first);
        clock.advance(Duration.ofSeconds(5));
        Decision retry = await(policy.decide(get("t12", HUMAN, "203.0.113.7")));
        assertEquals(Action.FORWARD, retry.action());
        assertEquals("first_click", retry.reason().label());
    }

    @Test
    void fanOutFromTwoNetworksWithinTheWindowBlocksTheClaim() {
        ClickPolicy policy = balanced();
        await(policy.decide(get("t13", UNSURE, "198.51.100.7")));
        clock.advance(Duration.ofMillis(300));
        Decision d = await(policy.decide(get("t13", HUMAN, "203.0.113.7")));
        assertEquals(Action.INTERSTITIAL, d.action());
        assertEquals("fan_out", d.reason().label());
        assertTrue(d.classification().reasons().contains("fan_out"));
    }

    @Test
    void aKnownScannersHitsDoNotMakeThePersonSuspect() {
        ClickPolicy policy = balanced();
        await(policy.decide(get("t14", BOT, "40.92.1.1")));
        await(policy.decide(get("t14", STALE, "40.107.1.1")));
        clock.advance(Duration.ofMillis(300));
        assertEquals(Action.FORWARD, await(policy.decide(get("t14", HUMAN, "203.0.113.7"))).action());
    }

    private Interstitial interstitial(ClickPolicy policy, ClickRequest r) {
        Decision d = await(policy.decide(r));
        assertEquals(Action.INTERSTITIAL, d.action());
        return d.interstitial();
    }

    private ClickRequest post(String link, String ua, String ip) {
        return request("POST", link, ua, ip);
    }

    @Test
    void aContinueWithoutScannerSignalsIsAcceptedOnceWithoutTheGesture() {
        ClickPolicy policy = policy(Mode.STRICT, Reclick.INTERSTITIAL);
        Interstitial page = interstitial(policy, get("c1", HUMAN, "203.0.113.7"));
        Decision ok = await(policy.decideContinue(post("c1", HUMAN, "203.0.113.7"), page.token(), null));
        assertEquals(Action.FORWARD, ok.action());
        assertEquals("continue", ok.reason().label());
        assertTrue(ok.claimed());
        Decision again = await(policy.decideContinue(post("c1", HUMAN, "203.0.113.7"), page.token(), null));
        assertEquals(Action.REJECT, again.action());
        assertEquals("token_replayed", again.reason().label());
    }

    @Test
    void aStaleBrowsersContinueNeedsTheGestureProofAfterTheDwell() {
        ClickPolicy policy = balanced();
        Interstitial page = interstitial(policy, get("c2", STALE, "203.0.113.7"));
        Decision noProof = await(policy.decideContinue(post("c2", STALE, "203.0.113.7"), page.token(), null));
        assertEquals("gesture_required", noProof.reason().label());
        Decision tooFast = await(policy.decideContinue(post("c2", STALE, "203.0.113.7"), page.token(), page.proof()));
        assertEquals("gesture_required", tooFast.reason().label(), "the proof counts only after the dwell");
        clock.advance(Duration.ofSeconds(1));
        Decision wrongProof = await(policy.decideContinue(post("c2", STALE, "203.0.113.7"), page.token(), "AAAA"));
        assertEquals("gesture_required", wrongProof.reason().label());
        Decision ok = await(policy.decideContinue(post("c2", STALE, "203.0.113.7"), page.token(), page.proof()));
        assertEquals(Action.FORWARD, ok.action(), "a rejected scanner submit did not spend the person's nonce");
    }

    @Test
    void aBotSubmittingTheFormIsRejected() {
        ClickPolicy policy = balanced();
        Interstitial page = interstitial(policy, get("c3", BOT, "40.92.1.1"));
        clock.advance(Duration.ofSeconds(5));
        Decision d = await(policy.decideContinue(post("c3", BOT, "40.92.1.1"), page.token(), null));
        assertEquals(Action.REJECT, d.action());
        assertEquals(LinkState.OPEN, ledger.lookup(d.link()).toCompletableFuture().join().orElseThrow().state());
    }

    @Test
    void aCrossLinkTamperedOrOtherBrowserContinueIsInvalid() {
        ClickPolicy policy = policy(Mode.STRICT, Reclick.INTERSTITIAL);
        Interstitial page = interstitial(policy, get("c4", HUMAN, "203.0.113.7"));
        assertEquals("token_invalid", await(policy.decideContinue(post("c5", HUMAN, "203.0.113.7"), page.token(), null)).reason().label());
        assertEquals("token_invalid", await(policy.decideContinue(post("c4", HUMAN, "198.51.100.7"), page.token(), null)).reason().label());
        assertEquals("token_invalid", await(policy.decideContinue(post("c4", HUMAN, "203.0.113.7"), page.token() + "x", null)).reason().label());
        assertEquals("token_invalid", await(policy.decideContinue(post("c4", HUMAN, "203.0.113.7"), null, null)).reason().label());
    }

    @Test
    void anExpiredContinueIsRejected() {
        ClickPolicy policy = policy(Mode.STRICT, Reclick.INTERSTITIAL);
        Interstitial page = interstitial(policy, get("c6", HUMAN, "203.0.113.7"));
        clock.advance(Duration.ofMinutes(11));
        assertEquals("token_expired", await(policy.decideContinue(post("c6", HUMAN, "203.0.113.7"), page.token(), null)).reason().label());
    }

    @Test
    void aContinueOnAUsedLinkTakesItOver() {
        ClickPolicy policy = balanced();
        forwardAndComplete(policy, get("c7", HUMAN, "203.0.113.7"));
        clock.advance(Duration.ofMinutes(5));
        Interstitial page = interstitial(policy, get("c7", HUMAN, "198.51.100.7"));
        assertTrue(page.reclick());
        Decision ok = await(policy.decideContinue(post("c7", HUMAN, "198.51.100.7"), page.token(), null));
        assertEquals(Action.FORWARD, ok.action());
        assertEquals(LinkState.IN_FLIGHT, ok.view().state());
    }

    /** A store that cannot answer, like Redis down with on-failure: interstitial. */
    private static final class UnavailableLedger implements dev.linkgate.core.ledger.ClickLedger {
        private static <T> java.util.concurrent.CompletionStage<T> down() {
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("store down"));
        }

        @Override public java.util.concurrent.CompletionStage<dev.linkgate.core.ledger.LinkView> visit(dev.linkgate.core.ledger.Visit v) { return down(); }
        @Override public java.util.concurrent.CompletionStage<Boolean> complete(dev.linkgate.core.request.LinkId l, long o, SharedResponse c, dev.linkgate.core.ledger.BrowserId b) { return down(); }
        @Override public java.util.concurrent.CompletionStage<java.util.Optional<SharedResponse>> resumeCopy(dev.linkgate.core.request.LinkId l, dev.linkgate.core.ledger.BrowserId b) { return down(); }
        @Override public java.util.concurrent.CompletionStage<Boolean> release(dev.linkgate.core.request.LinkId l, long o) { return down(); }
        @Override public java.util.concurrent.CompletionStage<dev.linkgate.core.ledger.LinkView> takeOver(dev.linkgate.core.request.LinkId l, long f) { return down(); }
        @Override public java.util.concurrent.CompletionStage<java.util.Optional<SharedResponse>> sharedResponse(dev.linkgate.core.request.LinkId l, long f) { return down(); }
        @Override public java.util.concurrent.CompletionStage<Boolean> spendNonce(String n, java.time.Instant e) { return down(); }
        @Override public java.util.concurrent.CompletionStage<java.util.Optional<dev.linkgate.core.ledger.LinkView>> lookup(dev.linkgate.core.request.LinkId l) { return down(); }
        @Override public long size() { return 0; }
    }

    private ClickPolicy withoutStore(Mode mode) {
        PolicyConfig config = new PolicyConfig(mode, Duration.ofSeconds(2), Duration.ofHours(72), Reclick.INTERSTITIAL,
                Duration.ofMinutes(10), Duration.ofSeconds(2), 8, Duration.ofMillis(800));
        return new ClickPolicy(config, ClickPolicyTest::scripted, new UnavailableLedger(), tokens, clock);
    }

    @Test
    void withoutTheStoreAHumanGetsTheInterstitialAndNothingIsClaimed() {
        Decision d = await(withoutStore(Mode.BALANCED).decide(get("s1", HUMAN, "203.0.113.7")));
        assertEquals(Action.INTERSTITIAL, d.action());
        assertEquals("store_unavailable", d.reason().label());
        assertFalse(d.claimed());
        assertNotNull(d.interstitial(), "the page still gets a continue token");
    }

    @Test
    void withoutTheStoreAContinueIsNotAcceptedBecauseItsNonceCannotBeSpent() {
        ClickPolicy policy = withoutStore(Mode.BALANCED);
        Interstitial page = await(policy.decide(get("s2", HUMAN, "203.0.113.7"))).interstitial();
        Decision d = await(policy.decideContinue(post("s2", HUMAN, "203.0.113.7"), page.token(), null));
        assertEquals(Action.INTERSTITIAL, d.action());
        assertEquals("store_unavailable", d.reason().label());
        assertNotNull(d.interstitial());
    }

    @Test
    void monitorModeForwardsEvenWithoutTheStore() {
        Decision d = await(withoutStore(Mode.MONITOR).decide(get("s3", BOT, "203.0.113.7")));
        assertEquals(Action.FORWARD, d.action());
        assertFalse(d.claimed());
    }

    @Test
    void everyDecisionExplainsItselfWhenTraced() {
        Decision d = await(balanced().traced().decide(get("t15", BOT, "40.92.1.1")));
        assertFalse(d.trace().isEmpty());
        assertTrue(String.join("\n", d.trace()).contains("BOT"));
        Decision first = await(balanced().traced().decide(get("t15b", HUMAN, "203.0.113.7")));
        assertTrue(String.join("\n", first.trace()).contains("claimed the link for this browser: forward"));
    }

    @Test
    void servingDecisionsCarryNoTraceButTheSameOutcome() {
        Decision traced = await(balanced().traced().decide(get("t16", BOT, "40.92.1.1")));
        Decision served = await(balanced().decide(get("t17", BOT, "40.92.1.1")));
        assertTrue(served.trace().isEmpty(), "nobody reads it while serving");
        assertEquals(traced.action(), served.action());
        assertEquals(traced.reason(), served.reason());
        assertEquals(traced.classification(), served.classification());
    }
}
