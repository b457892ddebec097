package dev.linkgate.gateway.session;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.linkgate.core.testing.MutableClock;
import dev.linkgate.core.policy.ClickPolicy;
import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.Policies;
import dev.linkgate.gateway.testing.TestConfig;
import dev.linkgate.gateway.testing.WireMockUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.linkgate.gateway.session.BrowserVisits.browserCookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session continuity through a real gateway in front of a one-time-link app (a second open answers 410):
 * the browser that opened a link gets its session back, nobody else does, and a new link starts clean.
 */
class SessionContinuityTest {
    @RegisterExtension
    static final WireMockExtension app = WireMockUpstream.perClass();
    private static final String CONTINUE_FIELD = "linkgate-continue";

    private final MutableClock clock = new MutableClock(Instant.now());
    private GatewayHarness gateway;

    @BeforeEach
    void resetApp() {
        app.resetAll();
    }

    @AfterEach
    void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private GatewayHarness start(Consumer<TestConfig> tune) {
        TestConfig c = TestConfig.defaults();
        c.upstream = URI.create(app.baseUrl());
        c.doubleClickWindow = Duration.ofSeconds(2);
        c.sessionCookies = List.of("sid");
        tune.accept(c);
        ClickPolicy policy = Policies.real(c.build(), clock);
        gateway = GatewayHarness.start(c, policy, clock);
        return gateway;
    }

    private HttpResponse<String> open(String path, String cookie) throws Exception {
        return BrowserVisits.open(gateway, path, cookie);
    }

    @Test
    void aTabClosedAndReopenedFromTheEmailLandsBackInItsSessionAndTheAppIsAskedOnce() throws Exception {
        start(c -> { });
        String page = OneTimeLinkApp.link(app, "/sign/tab-1", "alice");
        HttpResponse<String> first = open("/sign/tab-1", null);
        assertEquals(200, first.statusCode());
        assertEquals(page, first.body());
        clock.advance(Duration.ofMinutes(4));

        HttpResponse<String> again = open("/sign/tab-1", browserCookie(first));

        assertEquals(200, again.statusCode(), "not the app's 410");
        assertEquals(page, again.body());
        assertEquals(List.of("sid=alice; Path=/; HttpOnly"), again.headers().allValues("Set-Cookie"),
                "the app's own session cookie, as first answered");
        app.verify(1, getRequestedFor(urlEqualTo("/sign/tab-1")));
        assertEquals(1, gateway.metric("linkgate_requests_total", "route=\"link\"", "decision=\"resume\"",
                "reason=\"same_browser\""));
    }

    @Test
    void theBrowserCookieIsHttpOnlyLaxForTheResumeWindowAndNeverReachesTheApp() throws Exception {
        start(c -> { });
        OneTimeLinkApp.link(app, "/sign/attr-1", "alice");
        app.stubFor(get(urlEqualTo("/app.css")).willReturn(aResponse().withBody("css")));

        HttpResponse<String> first = open("/sign/attr-1", null);
        String set = first.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("linkgate-browser="))
                .findFirst().orElseThrow();
        assertTrue(set.matches("linkgate-browser=[A-Za-z0-9_-]{66}; Max-Age=600; Path=/; HttpOnly; SameSite=Lax"), set);
        assertFalse(set.contains("Secure"), "plain HTTP: a Secure cookie would never come back");

        open("/app.css", "theme=dark; " + browserCookie(first) + "; lang=en");
        LoggedRequest css = app.findAll(getRequestedFor(urlEqualTo("/app.css"))).get(0);
        assertEquals("theme=dark; lang=en", css.getHeader("Cookie"), "linkgate's cookie is linkgate's");
    }

    @Test
    void overHttpsFromATrustedProxyTheCookieIsSecureWithTheHostPrefix() throws Exception {
        start(c -> { });
        OneTimeLinkApp.link(app, "/sign/tls-1", "alice");
        HttpResponse<String> first = gateway.send(gateway.browserGet("/sign/tls-1")
                .header("X-Forwarded-Proto", "https").build());
        String set = first.headers().allValues("Set-Cookie").stream().filter(v -> v.contains("linkgate-browser="))
                .findFirst().orElseThrow();
        assertTrue(set.matches("__Host-linkgate-browser=[A-Za-z0-9_-]{66}; Max-Age=600; Path=/; Secure; HttpOnly;"
                + " SameSite=Lax"), set);
        clock.advance(Duration.ofMinutes(1));

        HttpResponse<String> again = gateway.send(gateway.browserGet("/sign/tls-1")
                .header("X-Forwarded-Proto", "https").header("Cookie", browserCookie(first)).build());
        assertEquals(200, again.statusCode());
        app.verify(1, getRequestedFor(urlEqualTo("/sign/tls-1")));
    }

    @Test
    void xForwardedProtoFromAnUntrustedPeerDoesNotMakeTheCookieSecure() throws Exception {
        start(c -> c.trustedProxies.clear());
        OneTimeLinkApp.link(app, "/sign/tls-2", "alice");
        HttpResponse<String> first = gateway.send(gateway.browserGet("/sign/tls-2")
                .header("X-Forwarded-Proto", "https").build());
        assertTrue(browserCookie(first).startsWith("linkgate-browser="));
        assertFalse(first.headers().allValues("Set-Cookie").stream().anyMatch(v -> v.contains("Secure")));
    }

    @Test
    void aColleagueWithTheSameBrowserBehindTheSameNatGetsTheContinuePageNotTheSession() throws Exception {
        start(c -> { });
        OneTimeLinkApp.link(app, "/sign/nat-1", "alice");
        open("/sign/nat-1", null);
        clock.advance(Duration.ofMinutes(1));

        HttpResponse<String> colleague = open("/sign/nat-1", "theme=dark");

        assertEquals(200, colleague.statusCode());
        assertTrue(colleague.body().contains(CONTINUE_FIELD), "the Continue page");
        assertFalse(colleague.body().contains("alice"));
        assertTrue(colleague.headers().allValues("Set-Cookie").isEmpty());
        app.verify(1, getRequestedFor(urlEqualTo("/sign/nat-1")));
    }

    @Test
    void afterTheResumeWindowTheOwnerGetsTheReclickPage() throws Exception {
        start(c -> { });
        OneTimeLinkApp.link(app, "/sign/late-1", "alice");
        HttpResponse<String> first = open("/sign/late-1", null);
        clock.advance(Duration.ofMinutes(11));

        HttpResponse<String> late = open("/sign/late-1", browserCookie(first));

        assertTrue(late.body().contains(CONTINUE_FIELD));
        assertTrue(late.body().contains("linkgate-first-opened"), "says when the link was first opened");
        app.verify(1, getRequestedFor(urlEqualTo("/sign/late-1")));
    }

    @Test
    void aCopyDroppedByTheMemoryBudgetMeansTheReclickPage() throws Exception {
        start(c -> c.maxCopyMemory = 200);
        OneTimeLinkApp.link(app, "/sign/budget-1", "alice");
        OneTimeLinkApp.link(app, "/sign/budget-2", "bob");
        HttpResponse<String> first = open("/sign/budget-1", null);
        open("/sign/budget-2", null);
        clock.advance(Duration.ofMinutes(1));

        HttpResponse<String> again = open("/sign/budget-1", browserCookie(first));

        assertTrue(again.body().contains(CONTINUE_FIELD));
        assertEquals(1, gateway.metric("linkgate_response_copies_dropped_total"));
        app.verify(1, getRequestedFor(urlEqualTo("/sign/budget-1")));
    }

    @Test
    void aSecondSignerOnTheSameComputerReachesTheAppWithoutTheFirstSignersSession() throws Exception {
        start(c -> { });
        OneTimeLinkApp.link(app, "/sign/shared-a", "alice");
        OneTimeLinkApp.link(app, "/sign/shared-b", "bob");
        HttpResponse<String> alice = open("/sign/shared-a", null);

        HttpResponse<String> bob = open("/sign/shared-b", "sid=alice; theme=dark; " + browserCookie(alice));

        assertTrue(bob.body().contains("bob"));
        LoggedRequest forwarded = app.findAll(getRequestedFor(urlEqualTo("/sign/shared-b"))).get(0);
        assertEquals("theme=dark", forwarded.getHeader("Cookie"), "alice's session and linkgate's cookie stay behind");
        assertEquals(1, gateway.metric("linkgate_session_cookies_removed_total"));
    }

    @Test
    void theContinuePageForABrowserHoldingAnotherLinksCookieWarnsOfAnotherSession() throws Exception {
        start(c -> { });
        OneTimeLinkApp.link(app, "/sign/other-a", "alice");
        OneTimeLinkApp.link(app, "/sign/other-b", "bob");
        HttpResponse<String> alice = open("/sign/other-a", null);
        clock.advance(Duration.ofMinutes(2));

        // Not a confirmed click (no fetch metadata): the Continue page, which knows alice's link was opened here.
        HttpResponse<String> page = gateway.send(gateway.browserWithoutFetchMetadata("/sign/other-b")
                .header("Cookie", "sid=alice; " + browserCookie(alice)).build());

        assertTrue(page.body().contains("linkgate-other-session"), page.body());
        assertTrue(page.body().contains("Another signer’s session may be open in this browser"));
        String token = page.body().replaceAll("(?s).*name=\"" + CONTINUE_FIELD + "\" value=\"([^\"]+)\".*", "$1");
        clock.advance(Duration.ofSeconds(2));
        HttpResponse<String> continued = gateway.send(gateway.browserWithoutFetchMetadata("/sign/other-b")
                .header("Cookie", "sid=alice; " + browserCookie(alice))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(CONTINUE_FIELD + "=" + token)).build());
        assertTrue(continued.body().contains("bob"), "continuing starts bob's own session");
        assertNull(app.findAll(getRequestedFor(urlEqualTo("/sign/other-b"))).get(0).getHeader("Cookie"));
        assertTrue(browserCookie(continued).startsWith("linkgate-browser="), "the continue's forward names its browser");
    }

    @Test
    void aServerErrorIsNotKeptAndReleasesTheLink() throws Exception {
        start(c -> { });
        app.stubFor(get(urlEqualTo("/sign/err-1")).inScenario("err").whenScenarioStateIs("Started")
                .willSetStateTo("ok").willReturn(aResponse().withStatus(503).withBody("busy")));
        app.stubFor(get(urlEqualTo("/sign/err-1")).inScenario("err").whenScenarioStateIs("ok")
                .willReturn(aResponse().withBody("<h1>Document</h1>")));

        HttpResponse<String> busy = open("/sign/err-1", null);
        assertEquals(503, busy.statusCode());
        assertTrue(busy.headers().allValues("Set-Cookie").isEmpty(), "no cookie for a response that settles nothing");
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> retry = open("/sign/err-1", null);
        assertEquals("<h1>Document</h1>", retry.body(), "the link was not burned");
    }

    @Test
    void monitorModeForwardsTheReturnAndRecordsWhatResumeWouldHaveDone() throws Exception {
        start(c -> c.mode = dev.linkgate.core.config.Mode.MONITOR);
        OneTimeLinkApp.link(app, "/sign/mon-1", "alice");
        HttpResponse<String> first = open("/sign/mon-1", null);
        clock.advance(Duration.ofMinutes(1));

        HttpResponse<String> again = open("/sign/mon-1", browserCookie(first));

        assertEquals(410, again.statusCode(), "monitor forwards everything: the app's own answer");
        assertEquals(1, gateway.metric("linkgate_requests_total", "route=\"link\"", "decision=\"forward\"",
                "reason=\"same_browser\""));
    }
}
