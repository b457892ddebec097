package dev.linkgate.gateway.store;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.linkgate.gateway.testing.WireMockUpstream;
import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.config.RedisConfig;
import dev.linkgate.core.config.StoreConfig;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.policy.ClickPolicy;
import dev.linkgate.core.policy.ContinueForm;
import dev.linkgate.core.request.LinkRoutes;
import dev.linkgate.core.session.BrowserCookies;
import dev.linkgate.core.token.ContinueTokens;
import dev.linkgate.gateway.GatewayServer;
import dev.linkgate.gateway.admin.GatewayMetrics;
import dev.linkgate.gateway.page.InterstitialPage;
import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.Poll;
import dev.linkgate.gateway.testing.Policies;
import dev.linkgate.gateway.testing.TestConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two gateway replicas sharing one real Redis, in front of one WireMock signing app: the first genuine click
 * is still forwarded exactly once, wherever each click lands, and Continue pages work on either replica.
 */
class SharedRedisGatewaysTest {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static final Pattern TOKEN = Pattern.compile(
            "name=\"" + Pattern.quote(ContinueForm.TOKEN_FIELD) + "\" value=\"([^\"]+)\"");
    @RegisterExtension
    static final WireMockExtension upstream = WireMockUpstream.perClass();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private Replica a;
    private Replica b;

    @BeforeEach
    void startReplicas() {
        upstream.resetAll();
        upstream.stubFor(get(urlPathMatching("/sign/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withHeader("Set-Cookie", "session=s-1; Path=/; HttpOnly")
                .withBody("<h1>Document for signing</h1>")
                .withFixedDelay(400)));
        String prefix = "e2e-" + System.nanoTime() + ":";
        a = new Replica(prefix);
        b = new Replica(prefix);
    }

    @AfterEach
    void stopReplicas() {
        a.close();
        b.close();
    }

    @Test
    void aDoubleClickSplitAcrossTwoReplicasIsForwardedOnceAndBothGetTheSameResponse() throws Exception {
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(a.person("/sign/split-1").build(),
                HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> second = CompletableFuture
                .supplyAsync(() -> null, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS))
                .thenCompose(x -> http.sendAsync(b.person("/sign/split-1").build(), HttpResponse.BodyHandlers.ofString()));

        HttpResponse<String> one = first.get(10, TimeUnit.SECONDS);
        HttpResponse<String> two = second.get(10, TimeUnit.SECONDS);
        upstream.verify(1, getRequestedFor(urlPathMatching("/sign/split-1")));
        assertEquals(200, one.statusCode());
        assertEquals(200, two.statusCode());
        assertEquals(one.body(), two.body());
        assertEquals("session=s-1; Path=/; HttpOnly", two.headers().firstValue("Set-Cookie").orElse(""),
                "replica B served replica A's response, cookie included");
    }

    @Test
    void aClickOnOneReplicaMakesTheLinkUsedOnTheOther() throws Exception {
        assertEquals(200, send(a.person("/sign/used-1")).statusCode());
        HttpResponse<String> later = send(b.otherPerson("/sign/used-1"));
        assertEquals(200, later.statusCode());
        assertTrue(later.body().contains(ContinueForm.TOKEN_FIELD), "another browser gets the Continue page");
        upstream.verify(1, getRequestedFor(urlPathMatching("/sign/used-1")));
    }

    @Test
    void aContinueMintedOnOneReplicaIsAcceptedOnceOnTheOtherAndRefusedOnReplayAtEither() throws Exception {
        HttpResponse<String> page = send(a.unconfirmed("/sign/cont-1"));
        Matcher m = TOKEN.matcher(page.body());
        assertTrue(m.find(), "replica A served the Continue page");
        String token = m.group(1);
        upstream.verify(0, getRequestedFor(urlPathMatching("/sign/cont-1")));

        assertEquals(200, send(b.continuePost("/sign/cont-1", token)).statusCode());
        upstream.verify(1, getRequestedFor(urlPathMatching("/sign/cont-1")));
        assertEquals(403, send(b.continuePost("/sign/cont-1", token)).statusCode());
        assertEquals(403, send(a.continuePost("/sign/cont-1", token)).statusCode());
        upstream.verify(1, getRequestedFor(urlPathMatching("/sign/cont-1")));
    }

    @Test
    void withRedisStoppedFirstClicksStillForwardAndTheReplicasReturnWhenItIsBack() throws Exception {
        assertEquals(0.0, a.fallback());
        redis.stop();
        try {
            assertEquals(200, send(a.person("/sign/outage-1")).statusCode());
            assertEquals(200, send(b.person("/sign/outage-2")).statusCode());
            upstream.verify(1, getRequestedFor(urlPathMatching("/sign/outage-1")));
            upstream.verify(1, getRequestedFor(urlPathMatching("/sign/outage-2")));
            assertEquals(1.0, a.fallback());
            assertEquals(1.0, b.fallback());
        } finally {
            redis.start();
        }
        // Lettuce reconnects with its own backoff: probe (as the replicas' timer does) until Redis answers.
        assertTrue(a.probeUntilShared(Duration.ofSeconds(15)), "replica A is back on the shared ledger without a restart");
        assertTrue(b.probeUntilShared(Duration.ofSeconds(15)), "replica B too");
        // Shared again: a click on A is seen by B.
        assertEquals(200, send(a.person("/sign/after-1")).statusCode());
        assertTrue(send(b.otherPerson("/sign/after-1")).body().contains(ContinueForm.TOKEN_FIELD));
        upstream.verify(1, getRequestedFor(urlPathMatching("/sign/after-1")));
    }

    @Test
    void aSignerWhoComesBackThroughTheOtherReplicaIsResumedAndTheAppIsAskedOnce() throws Exception {
        HttpResponse<String> first = send(a.person("/sign/resume-1"));
        String set = first.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("linkgate-browser="))
                .findFirst().orElseThrow();

        HttpResponse<String> again = send(b.person("/sign/resume-1").header("Cookie", set.substring(0, set.indexOf(';'))));

        assertEquals(200, again.statusCode());
        assertEquals(first.body(), again.body());
        assertEquals(List.of("session=s-1; Path=/; HttpOnly"), again.headers().allValues("Set-Cookie"));
        upstream.verify(1, getRequestedFor(urlPathMatching("/sign/resume-1")));
        assertEquals(1.0, b.registry.get("linkgate.requests").tags("decision", "resume", "reason", "same_browser")
                .counter().count());
        assertTrue(send(b.otherPerson("/sign/resume-1")).body().contains(ContinueForm.TOKEN_FIELD),
                "another browser still gets the Continue page");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One replica: its own ledger client, policy and metrics; the secret and Redis are shared. */
    private static final class Replica implements AutoCloseable {
        final GatewayServer server;
        final ClickLedger ledger;
        final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        final GatewayMetrics metrics = new GatewayMetrics(registry);

        Replica(String prefix) {
            TestConfig test = TestConfig.defaults();
            test.upstream = URI.create(upstream.baseUrl());
            LinkgateConfig config = test.build();
            Clock clock = Clock.systemUTC();
            StoreConfig store = new StoreConfig(StoreConfig.Type.REDIS, 10_000,
                    new RedisConfig(redis.uri(), Duration.ofMillis(500), prefix), StoreConfig.OnFailure.LOCAL);
            ledger = ClickLedgers.create(store, LedgerSettings.from(config.policy(), store), clock, registry);
            ContinueTokens tokens = new ContinueTokens(config.secret().bytes(), config.policy().continueTtl(), clock);
            BrowserCookies cookies = new BrowserCookies(config.secret().bytes(), config.policy().browserCookie(),
                    config.policy().resumeWindow(), clock);
            ClickPolicy policy = new ClickPolicy(config.policy(), Policies.detector(), ledger, tokens, cookies, clock);
            server = GatewayServer.start(config, policy, LinkRoutes.of(config.links())::match, metrics,
                    InterstitialPage.create(config.interstitial()), clock);
        }

        HttpRequest.Builder unconfirmed(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("User-Agent", GatewayHarness.CHROME)
                    .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                    .header("Accept-Language", "en-GB,en;q=0.9");
        }

        HttpRequest.Builder person(String path) {
            return unconfirmed(path).header("Sec-Fetch-Site", "none").header("Sec-Fetch-Mode", "navigate")
                    .header("Sec-Fetch-Dest", "document").header("Sec-Fetch-User", "?1");
        }

        /** Another person's browser: same Chrome, another language, so another fingerprint. */
        HttpRequest.Builder otherPerson(String path) {
            return person(path).setHeader("Accept-Language", "de-DE,de;q=0.9");
        }

        HttpRequest.Builder continuePost(String path, String token) {
            String form = ContinueForm.TOKEN_FIELD + "=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
            return unconfirmed(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Mode", "navigate")
                    .header("Sec-Fetch-Dest", "document").POST(HttpRequest.BodyPublishers.ofString(form));
        }

        double fallback() {
            return registry.get("linkgate.store.fallback").gauge().value();
        }

        /** Probes (as the replica's timer does) until the shared store is back or the deadline passes. */
        boolean probeUntilShared(Duration deadline) throws Exception {
            return Poll.until(deadline, () -> {
                ((FailoverClickLedger) ledger).probeNow().toCompletableFuture().get(5, TimeUnit.SECONDS);
                return fallback() == 0.0;
            });
        }

        @Override
        public void close() {
            server.close(Duration.ofMillis(200));
            metrics.close();
            ledger.close();
        }
    }

}
