package dev.linkgate.core.policy;

import dev.linkgate.core.config.Mode;
import dev.linkgate.core.config.PolicyConfig;
import dev.linkgate.core.config.Reclick;
import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.detect.Evidence;
import dev.linkgate.core.detect.Weight;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.InMemoryClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.core.request.RequestHeaders;
import dev.linkgate.core.session.BrowserCookies;
import dev.linkgate.core.testing.MutableClock;
import dev.linkgate.core.token.ContinueTokens;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resume with plain objects: the browser that opened a link (linkgate's cookie) gets the first response again
 * within the resume window, from any network; nobody else does, not even the same fingerprint without it.
 */
class ResumePolicyTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Duration RESUME = Duration.ofMinutes(10);
    private static final String OFFICE = "203.0.113.7";
    private static final String MOBILE = "198.51.100.23";
    private static final SharedResponse SESSION = new SharedResponse(302,
            List.of(Map.entry("Location", "/documents/42"), Map.entry("Set-Cookie", "sid=alice")), new byte[0]);

    private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
    private final ContinueTokens tokens = new ContinueTokens(SECRET, Duration.ofMinutes(10), clock);
    private final BrowserCookies cookies = new BrowserCookies(SECRET, "linkgate-browser", RESUME, clock);
    private ClickLedger ledger = new InMemoryClickLedger(new LedgerSettings(Duration.ofHours(72), 10_000,
            Duration.ofSeconds(2), Duration.ofSeconds(2), RESUME, 1 << 20), clock);

    private ClickPolicy policy(Mode mode, Reclick reclick, Duration resume) {
        PolicyConfig config = new PolicyConfig(mode, Duration.ofSeconds(2), Duration.ofHours(72), reclick,
                Duration.ofMinutes(10), Duration.ofSeconds(2), 8, Duration.ofMillis(800), resume, "linkgate-browser");
        return new ClickPolicy(config, ResumePolicyTest::human, ledger, tokens, cookies, clock);
    }

    private ClickPolicy balanced() {
        return policy(Mode.BALANCED, Reclick.INTERSTITIAL, RESUME);
    }

    /** Every request here looks like the same kind of browser: only the cookie tells them apart. */
    private static Classification human(ClickRequest r) {
        return Classification.of(List.of(new Evidence("consistency", Weight.CONFIRMS_BROWSER, "browser_confirmed")));
    }

    private ClickRequest request(String method, String link, String ip, String cookieHeader) {
        try {
            RequestHeaders headers = cookieHeader == null
                    ? RequestHeaders.of("User-Agent", "Chrome", "Accept-Language", "en")
                    : RequestHeaders.of("User-Agent", "Chrome", "Accept-Language", "en", "Cookie", cookieHeader);
            return new ClickRequest(method, "/sign/" + link, null, link, InetAddress.getByName(ip), headers,
                    clock.instant());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The first click: forwarded, the app answers, and the browser gets linkgate's cookie. Returns its header. */
    private String opened(ClickPolicy policy, String link) {
        Decision first = await(policy.decide(request("GET", link, OFFICE, "theme=dark")));
        assertEquals(Reason.FIRST_CLICK, first.reason());
        assertNotNull(first.cookie(), "a claimed forward names its browser");
        assertTrue(await(policy.forwarded(first, SESSION)));
        return "theme=dark; linkgate-browser=" + first.cookie().value();
    }

    @Test
    void theBrowserThatOpenedTheLinkGetsItsSessionBackFromAnotherNetwork() {
        ClickPolicy policy = balanced();
        String cookie = opened(policy, "r1");
        clock.advance(Duration.ofMinutes(3));

        Decision back = await(policy.decide(request("GET", "r1", MOBILE, cookie)));

        assertEquals(Action.RESUME, back.action());
        assertEquals(Reason.SAME_BROWSER, back.reason());
        assertFalse(back.claimed());
        assertNull(back.cookie(), "a resume sets nothing new");
        assertEquals(Optional.of(SESSION), await(ledger.resumeCopy(back.link(), back.browser())));
    }

    @Test
    void theHostPrefixedCookieOverHttpsResumesToo() {
        ClickPolicy policy = balanced();
        String cookie = opened(policy, "r2").replace("linkgate-browser=", "__Host-linkgate-browser=");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Action.RESUME, await(policy.decide(request("HEAD", "r2", OFFICE, cookie))).action());
        assertEquals(Action.INTERSTITIAL, await(policy.decide(request("POST", "r2", OFFICE, cookie))).action(),
                "only a navigation is resumed");
    }

    @Test
    void theSameFingerprintOnTheSameNetworkWithoutTheCookieGetsTheReclickPage() {
        ClickPolicy policy = balanced();
        opened(policy, "r3");
        clock.advance(Duration.ofMinutes(1));

        Decision colleague = await(policy.decide(request("GET", "r3", OFFICE, "theme=dark")));

        assertEquals(Action.INTERSTITIAL, colleague.action());
        assertEquals(Reason.RECLICK, colleague.reason());
        assertTrue(colleague.interstitial().reclick());
        assertFalse(colleague.interstitial().otherSession());
    }

    @Test
    void aForgedOrTamperedCookieIsNobodys() {
        ClickPolicy policy = balanced();
        String cookie = opened(policy, "r4");
        clock.advance(Duration.ofMinutes(1));
        char last = cookie.charAt(cookie.length() - 2);
        String tampered = cookie.substring(0, cookie.length() - 2) + (last == 'A' ? 'B' : 'A')
                + cookie.charAt(cookie.length() - 1);

        Decision d = await(policy.decide(request("GET", "r4", OFFICE, tampered)));
        assertEquals(Action.INTERSTITIAL, d.action());
        assertFalse(d.interstitial().otherSession());
        BrowserCookies otherSecret = new BrowserCookies("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8),
                "linkgate-browser", RESUME, clock);
        String forged = "linkgate-browser=" + otherSecret.mint(dev.linkgate.core.request.LinkId.of("r4")).value();
        assertEquals(Action.INTERSTITIAL, await(policy.decide(request("GET", "r4", OFFICE, forged))).action());
    }

    @Test
    void afterTheResumeWindowReclickAppliesAsBefore() {
        ClickPolicy policy = policy(Mode.BALANCED, Reclick.FORWARD, RESUME);
        String cookie = opened(policy, "r5");
        clock.advance(RESUME.plusSeconds(1));

        Decision late = await(policy.decide(request("GET", "r5", OFFICE, cookie)));

        assertEquals(Action.FORWARD, late.action());
        assertEquals(Reason.RECLICK_OWNER, late.reason(), "reclick: forward, for the same fingerprint");
        ClickPolicy interstitial = balanced();
        assertEquals(Reason.RECLICK, await(interstitial.decide(request("GET", "r5", OFFICE, cookie))).reason());
    }

    @Test
    void aDroppedCopyMeansTheReclickPage() {
        ledger = new InMemoryClickLedger(new LedgerSettings(Duration.ofHours(72), 10_000, Duration.ofSeconds(2),
                Duration.ofSeconds(2), RESUME, SESSION.size()), clock);
        ClickPolicy policy = balanced();
        String first = opened(policy, "r6");
        opened(policy, "r7"); // its copy takes the whole budget: r6's is dropped
        clock.advance(Duration.ofMinutes(1));

        Decision d = await(policy.decide(request("GET", "r6", OFFICE, first)));
        assertEquals(Action.INTERSTITIAL, d.action());
        assertEquals(Reason.RECLICK, d.reason());
        assertEquals(1, ledger.copiesDropped());
    }

    @Test
    void aCookieForAnotherLinkOpenedWithinTheWindowWarnsOfAnotherSession() {
        ClickPolicy policy = balanced();
        String signerA = opened(policy, "r8-a");
        opened(policy, "r8-b");
        clock.advance(Duration.ofMinutes(2));

        Decision d = await(policy.decide(request("GET", "r8-b", OFFICE, signerA)));

        assertEquals(Action.INTERSTITIAL, d.action());
        assertTrue(d.interstitial().otherSession(), "link A's cookie on link B: another signer's session may be open");
        clock.advance(RESUME);
        Decision later = await(policy.decide(request("GET", "r8-b", OFFICE, signerA)));
        assertFalse(later.interstitial().otherSession(), "past the resume window the cookie says nothing");
    }

    @Test
    void monitorModeForwardsAndRecordsTheResume() {
        ClickPolicy policy = policy(Mode.MONITOR, Reclick.INTERSTITIAL, RESUME);
        String cookie = opened(policy, "r9");
        clock.advance(Duration.ofMinutes(1));

        Decision d = await(policy.decide(request("GET", "r9", MOBILE, cookie)));

        assertEquals(Action.FORWARD, d.action());
        assertEquals(Action.RESUME, d.wouldHave());
        assertEquals(Reason.SAME_BROWSER, d.reason());
        assertTrue(d.monitored());
    }

    @Test
    void anAcceptedContinueNamesItsBrowserAndTakesTheLinkOver() {
        ClickPolicy policy = balanced();
        String alice = opened(policy, "r10");
        clock.advance(Duration.ofMinutes(1));
        Decision page = await(policy.decide(request("GET", "r10", MOBILE, null)));
        clock.advance(Duration.ofSeconds(2));
        Decision accepted = await(policy.decideContinue(request("POST", "r10", MOBILE, null),
                page.interstitial().token(), null));
        assertEquals(Reason.CONTINUE, accepted.reason());
        assertNotNull(accepted.cookie());
        await(policy.forwarded(accepted, SESSION));

        assertEquals(Action.RESUME, await(policy.decide(request("GET", "r10", MOBILE,
                "linkgate-browser=" + accepted.cookie().value()))).action());
        assertEquals(Action.INTERSTITIAL, await(policy.decide(request("GET", "r10", OFFICE, alice))).action(),
                "the former owner's cookie no longer resumes");
    }

    @Test
    void withResumeOffNoCookieIsSetAndNoneIsBelieved() {
        ClickPolicy on = balanced();
        String cookie = opened(on, "r11");
        clock.advance(Duration.ofMinutes(1));
        ClickPolicy off = policy(Mode.BALANCED, Reclick.INTERSTITIAL, Duration.ZERO);
        assertNull(off.cookies());
        assertNull(await(off.decide(request("GET", "r12", OFFICE, null))).cookie());
        assertEquals(Action.INTERSTITIAL, await(off.decide(request("GET", "r11", OFFICE, cookie))).action());
    }

    @Test
    void aResumeTheStoreCannotConfirmIsNeverGuessed() {
        ClickPolicy up = balanced();
        String cookie = opened(up, "r13");
        clock.advance(Duration.ofMinutes(1));
        ClickLedger working = ledger;
        ledger = new ClickLedger() {
            private <T> CompletionStage<T> down() {
                return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("Redis down"));
            }

            @Override public CompletionStage<dev.linkgate.core.ledger.LinkView> visit(dev.linkgate.core.ledger.Visit v) { return down(); }
            @Override public CompletionStage<Boolean> complete(dev.linkgate.core.request.LinkId l, long o, SharedResponse c, dev.linkgate.core.ledger.BrowserId b) { return down(); }
            @Override public CompletionStage<Boolean> release(dev.linkgate.core.request.LinkId l, long o) { return down(); }
            @Override public CompletionStage<dev.linkgate.core.ledger.LinkView> takeOver(dev.linkgate.core.request.LinkId l, long f) { return down(); }
            @Override public CompletionStage<Optional<SharedResponse>> sharedResponse(dev.linkgate.core.request.LinkId l, long f) { return down(); }
            @Override public CompletionStage<Optional<SharedResponse>> resumeCopy(dev.linkgate.core.request.LinkId l, dev.linkgate.core.ledger.BrowserId b) { return working.resumeCopy(l, b); }
            @Override public CompletionStage<Boolean> spendNonce(String n, java.time.Instant e) { return down(); }
            @Override public CompletionStage<Optional<dev.linkgate.core.ledger.LinkView>> lookup(dev.linkgate.core.request.LinkId l) { return down(); }
            @Override public long size() { return 0; }
        };

        Decision d = await(balanced().traced().decide(request("GET", "r13", OFFICE, cookie)));

        assertEquals(Action.INTERSTITIAL, d.action());
        assertEquals(Reason.STORE_UNAVAILABLE, d.reason());
        assertTrue(String.join("\n", d.trace()).contains("a resume cannot be confirmed"));
    }

    @Test
    void theDefaultsTurnResumeOnForTenMinutes() {
        assertEquals(RESUME, PolicyConfig.defaults().resumeWindow());
        assertEquals("linkgate-browser", PolicyConfig.defaults().browserCookie());
        assertTrue(PolicyConfig.defaults().resumes());
    }
}
