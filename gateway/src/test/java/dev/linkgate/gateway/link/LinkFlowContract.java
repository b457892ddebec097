package dev.linkgate.gateway.link;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.linkgate.gateway.testing.WireMockUpstream;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.linkgate.core.config.Mode;
import dev.linkgate.core.policy.ContinueForm;
import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.RawHttp;
import dev.linkgate.gateway.testing.RecordedPolicy;
import dev.linkgate.gateway.testing.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The link flow end to end: a real gateway, WireMock as the signing app, and a policy given by the subclass
 * (the real one, and a scripted one that does not depend on the detector's lists).
 */
abstract class LinkFlowContract {
    @RegisterExtension
    static final WireMockExtension upstream = WireMockUpstream.perClass();
    private static final Pattern TOKEN = Pattern.compile(
            "name=\"" + Pattern.quote(ContinueForm.TOKEN_FIELD) + "\" value=\"([^\"]+)\"");
    private RecordedPolicy decider;
    private GatewayHarness gateway;

    /** The policy under test, in the given mode. */
    abstract RecordedPolicy policy(Mode mode);

    @BeforeEach
    void startGateway() {
        upstream.resetAll();
        decider = policy(Mode.BALANCED);
        gateway = GatewayHarness.start(config(), decider);
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    private static TestConfig config() {
        TestConfig c = TestConfig.defaults();
        c.upstream = URI.create(upstream.baseUrl());
        return c;
    }

    @Test
    void aFirstHumanClickIsForwardedOnceWithTheUpstreamsExactResponse() throws Exception {
        upstream.stubFor(get(urlEqualTo("/sign/tok-first?lang=en")).willReturn(aResponse().withStatus(203)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withHeader("X-App", "signing")
                .withHeader("Set-Cookie", "session=abc123; Path=/; HttpOnly", "csrf=xyz; Path=/")
                .withBody("<h1>Sign the contract</h1>")));

        HttpResponse<String> r = gateway.send(gateway.browserGet("/sign/tok-first?lang=en").build());

        assertEquals(203, r.statusCode());
        assertEquals("<h1>Sign the contract</h1>", r.body());
        assertEquals("signing", r.headers().firstValue("X-App").orElseThrow());
        assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(List.of("session=abc123; Path=/; HttpOnly", "csrf=xyz; Path=/"), r.headers().allValues("Set-Cookie"));
        upstream.verify(1, getRequestedFor(urlEqualTo("/sign/tok-first?lang=en")));
        assertEquals(1, decided("forward"));
        assertEquals(1, decider.completed.get());
        assertEquals(1, gateway.metric("linkgate_requests_total", "route=\"link\"", "decision=\"forward\"",
                "reason=\"first_click\""));
        assertEquals(1, gateway.metric("linkgate_upstream_request_duration_seconds_count"));
    }

    @Test
    void headBotStaleBrowserAndScannerNetworkRequestsGetTheInterstitialWithoutReachingTheUpstream() throws Exception {
        upstream.stubFor(get(urlPathMatching("/sign/.*")).willReturn(aResponse().withBody("the app")));

        HttpResponse<String> head = gateway.send(gateway.browserGet("/sign/tok-head")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        HttpResponse<String> bot = gateway.send(gateway.browserGet("/sign/tok-bot")
                .setHeader("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1)").build());
        HttpResponse<String> stale = gateway.send(gateway.browserGet("/sign/tok-stale")
                .setHeader("User-Agent", "Mozilla/5.0 (Windows NT 10.0) Chrome/80.0.3987.163 Safari/537.36").build());
        HttpResponse<String> scanner = gateway.send(gateway.browserGet("/sign/tok-scanner")
                .header("X-Forwarded-For", "40.92.12.7").build());

        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        for (HttpResponse<String> page : List.of(bot, stale, scanner)) {
            assertEquals(200, page.statusCode());
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
            assertTrue(page.body().contains(ContinueForm.TOKEN_FIELD));
        }
        upstream.verify(0, anyRequestedFor(anyUrl()));
        assertEquals(4, decided("interstitial"));
        assertEquals("40.92.12.7", decider.requests.get(3).client().getHostAddress());
    }

    @Test
    void aDoubleClick100MillisecondsApartMakesOneUpstreamRequestAndBothClientsGetTheSameResponse() throws Exception {
        upstream.stubFor(get(urlEqualTo("/sign/tok-double")).willReturn(aResponse().withFixedDelay(300)
                .withHeader("Set-Cookie", "session=first-click").withBody("your signing session")));
        HttpRequest click = gateway.browserGet("/sign/tok-double").build();

        CompletableFuture<HttpResponse<String>> first = gateway.sendAsync(click);
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)).thenCompose(x -> gateway.sendAsync(click));

        HttpResponse<String> a = first.get(10, TimeUnit.SECONDS);
        HttpResponse<String> b = second.get(10, TimeUnit.SECONDS);
        for (HttpResponse<String> r : List.of(a, b)) {
            assertEquals(200, r.statusCode());
            assertEquals("your signing session", r.body());
            assertEquals(List.of("session=first-click"), r.headers().allValues("Set-Cookie"));
        }
        upstream.verify(1, getRequestedFor(urlEqualTo("/sign/tok-double")));
        assertEquals(1, decided("forward"));
        assertEquals(1, decided("coalesce"));
        assertEquals(1, gateway.metric("linkgate_duplicate_clicks_total", "kind=\"coalesced\""));
    }

    @Test
    void aDoubleClickOnAResponseTooLargeToCopyGetsTheInterstitial() throws Exception {
        TestConfig c = config();
        c.maxCoalesceBody = 16;
        gateway.close();
        gateway = GatewayHarness.start(c, decider);
        upstream.stubFor(get(urlEqualTo("/sign/tok-large")).willReturn(aResponse().withFixedDelay(300)
                .withBody("a signing page longer than sixteen bytes")));
        HttpRequest click = gateway.browserGet("/sign/tok-large").build();

        CompletableFuture<HttpResponse<String>> first = gateway.sendAsync(click);
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)).thenCompose(x -> gateway.sendAsync(click));

        assertEquals("a signing page longer than sixteen bytes", first.get(10, TimeUnit.SECONDS).body());
        HttpResponse<String> page = second.get(10, TimeUnit.SECONDS);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(ContinueForm.TOKEN_FIELD));
        upstream.verify(1, getRequestedFor(urlEqualTo("/sign/tok-large")));
        assertEquals(1, gateway.metric("linkgate_duplicate_clicks_total", "kind=\"too_large\""));
    }

    @Test
    void anAcceptedContinueIsForwardedOnceAsAGetWithoutItsBody() throws Exception {
        upstream.stubFor(get(urlPathMatching("/sign/.*")).willReturn(aResponse().withBody("the app")));
        String token = interstitialToken("/sign/tok-cont?x=1");

        HttpResponse<String> r = gateway.send(continuePost("/sign/tok-cont?x=1", token));

        assertEquals(200, r.statusCode());
        assertEquals("the app", r.body());
        upstream.verify(1, getRequestedFor(urlEqualTo("/sign/tok-cont?x=1"))
                .withHeader("Content-Type", absent()).withHeader("Content-Length", absent())
                .withHeader("Origin", absent()));
    }

    @Test
    void aReplayedTamperedOrCrossLinkContinueGets403AndNothingIsForwarded() throws Exception {
        upstream.stubFor(get(urlPathMatching("/sign/.*")).willReturn(aResponse().withBody("the app")));
        String token = interstitialToken("/sign/tok-once");
        String otherLinksToken = interstitialToken("/sign/tok-other");
        assertEquals(200, gateway.send(continuePost("/sign/tok-once", token)).statusCode());

        HttpResponse<String> replayed = gateway.send(continuePost("/sign/tok-once", token));
        HttpResponse<String> tampered = gateway.send(continuePost("/sign/tok-other", tamper(otherLinksToken)));
        HttpResponse<String> crossLink = gateway.send(continuePost("/sign/tok-other", token));

        assertEquals(403, replayed.statusCode());
        assertEquals(403, tampered.statusCode());
        assertEquals(403, crossLink.statusCode());
        assertEquals("no-store", crossLink.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(1, gateway.metric("linkgate_interstitial_continued_total", "result=\"accepted\""));
        assertEquals(1, gateway.metric("linkgate_interstitial_continued_total", "result=\"token_replayed\""));
        upstream.verify(1, anyRequestedFor(anyUrl()));
        assertEquals(2, gateway.metric("linkgate_interstitial_continued_total", "result=\"token_invalid\""),
                "the tampered and the cross-link token");
    }

    @Test
    void anUnreachableUpstreamGives502AndTheNextClickIsForwarded() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        TestConfig c = TestConfig.defaults();
        c.upstream = URI.create("http://127.0.0.1:" + port);
        gateway.close();
        gateway = GatewayHarness.start(c, decider);

        HttpResponse<String> down = gateway.send(gateway.browserGet("/sign/tok-down").build());
        assertEquals(502, down.statusCode());
        assertEquals(1, decider.released.get());
        assertEquals(1, gateway.metric("linkgate_upstream_errors_total", "type=\"connect\""));

        WireMockServer late = new WireMockServer(options().port(port).bindAddress("127.0.0.1").notifier(new Slf4jNotifier(false)));
        late.start();
        try {
            late.stubFor(get(urlEqualTo("/sign/tok-down")).willReturn(aResponse().withBody("back up")));
            HttpResponse<String> again = gateway.send(gateway.browserGet("/sign/tok-down").build());
            assertEquals(200, again.statusCode());
            assertEquals("back up", again.body());
            late.verify(1, getRequestedFor(urlEqualTo("/sign/tok-down")));
        } finally {
            late.stop();
        }
    }

    @Test
    void aSlowUpstreamGives504AndReleasesTheLinkForTheNextClick() throws Exception {
        TestConfig c = config();
        c.responseTimeout = Duration.ofMillis(300);
        gateway.close();
        gateway = GatewayHarness.start(c, decider);
        upstream.stubFor(get(urlEqualTo("/sign/tok-slow")).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("recovered").willReturn(aResponse().withFixedDelay(1500).withBody("too late")));
        upstream.stubFor(get(urlEqualTo("/sign/tok-slow")).inScenario("slow").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withBody("in time")));

        HttpResponse<String> slow = gateway.send(gateway.browserGet("/sign/tok-slow").build());
        assertEquals(504, slow.statusCode());
        assertEquals(1, decider.released.get());
        assertEquals(1, gateway.metric("linkgate_upstream_errors_total", "type=\"timeout\""));

        HttpResponse<String> again = gateway.send(gateway.browserGet("/sign/tok-slow").build());
        assertEquals(200, again.statusCode());
        assertEquals("in time", again.body());
        assertEquals(2, decided("forward"));
    }

    @Test
    void anAbsoluteFormTargetIsStillALinkClick() throws Exception {
        try (RawHttp client = gateway.raw()) {
            RawHttp.Response r = client.send("GET http://gate.example/sign/tok-absolute HTTP/1.1\r\nHost: x\r\n"
                    + "User-Agent: curl/8.0\r\n\r\n").read();
            assertEquals(200, r.status());
            assertTrue(r.bodyText().contains(ContinueForm.TOKEN_FIELD));
        }
        upstream.verify(0, anyRequestedFor(anyUrl()));
        assertEquals(1, decided("interstitial"));
    }

    @Test
    void anotherBrowsersClickOnAUsedLinkGetsTheInterstitial() throws Exception {
        upstream.stubFor(get(urlPathMatching("/sign/.*")).willReturn(aResponse().withBody("the app")));
        assertEquals(200, gateway.send(gateway.browserGet("/sign/tok-used").build()).statusCode());

        HttpResponse<String> other = gateway.send(gateway.browserGet("/sign/tok-used")
                .setHeader("Accept-Language", "de-DE").build());

        assertEquals(200, other.statusCode());
        assertTrue(other.body().contains(ContinueForm.TOKEN_FIELD));
        upstream.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void inMonitorModeABotsClickIsForwardedAnyway() throws Exception {
        gateway.close();
        decider = policy(Mode.MONITOR);
        gateway = GatewayHarness.start(config(), decider);
        upstream.stubFor(get(urlPathMatching("/sign/.*")).willReturn(aResponse().withBody("the app")));

        HttpResponse<String> bot = gateway.send(gateway.browserGet("/sign/tok-monitor")
                .setHeader("User-Agent", "curl/8.0").build());

        assertEquals(200, bot.statusCode());
        assertEquals("the app", bot.body());
        assertEquals(1, gateway.metric("linkgate_requests_total", "route=\"link\"", "decision=\"forward\"",
                "reason=\"bot\""), "forwarded, and recorded as the bot it would have stopped");
        upstream.verify(1, getRequestedFor(urlEqualTo("/sign/tok-monitor")));
    }

    private String interstitialToken(String path) throws Exception {
        HttpResponse<String> page = gateway.send(gateway.browserWithoutFetchMetadata(path).build());
        assertEquals(200, page.statusCode());
        Matcher token = TOKEN.matcher(page.body());
        assertTrue(token.find(), "the Continue page carries its token");
        return token.group(1);
    }

    /** Link requests the gateway answered with this decision, from its metrics. */
    private long decided(String decision) {
        return (long) gateway.metric("linkgate_requests_total", "route=\"link\"", "decision=\"" + decision + "\"");
    }

    /** The token with one character in its MAC changed. */
    private static String tamper(String token) {
        int i = token.length() - 5;
        return token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
    }

    private HttpRequest continuePost(String path, String token) {
        String form = ContinueForm.TOKEN_FIELD + "=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return gateway.browserWithoutFetchMetadata(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://127.0.0.1:" + gateway.port())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

}
