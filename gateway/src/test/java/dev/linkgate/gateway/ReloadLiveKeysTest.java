package dev.linkgate.gateway;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.linkgate.core.config.ConfigLoader;
import dev.linkgate.core.testing.MutableClock;
import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.LeakFailExtension;
import dev.linkgate.gateway.testing.ServiceConfig;
import dev.linkgate.gateway.testing.WireMockUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keys added beside reload, applied by {@code POST /reload} on a whole service started from a file: the admin
 * token, the cloud network list, and browser cookies that outlive a secret rotation.
 */
@ExtendWith(LeakFailExtension.class)
class ReloadLiveKeysTest {
    @RegisterExtension
    static final WireMockExtension upstream = WireMockUpstream.perClass();

    private static final String FIRST_TOKEN = "the-first-admin-token-0123456789";
    private static final String SECOND_TOKEN = "the-second-admin-token-987654321";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.now());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private ServiceConfig config;
    private Path file;
    private Service service;

    private void start() {
        upstream.resetAll();
        upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("the app")));
        file = config.writeTo(dir.resolve("linkgate.yaml"));
        service = Service.start(file, new ConfigLoader().load(file), clock, () -> true);
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close(Duration.ofMillis(200));
        }
    }

    private HttpResponse<String> admin(String method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.adminPort() + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A person's click in a current Chrome, with every header of a top-level navigation. */
    private HttpRequest.Builder click(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.server().port() + path))
                .timeout(Duration.ofSeconds(10))
                .header("User-Agent", GatewayHarness.CHROME)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "en-GB,en;q=0.9")
                .header("Sec-Fetch-Site", "none").header("Sec-Fetch-Mode", "navigate")
                .header("Sec-Fetch-Dest", "document").header("Sec-Fetch-User", "?1");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReloadRotatesTheAdminTokenForTheNextRequest() throws Exception {
        config = new ServiceConfig(0);
        config.adminToken = FIRST_TOKEN;
        config.upstreamPort = upstream.getPort();
        start();
        assertEquals(401, admin("POST", "/reload", null).statusCode());

        config.adminToken = SECOND_TOKEN;
        config.writeTo(file);
        assertEquals(200, admin("POST", "/reload", FIRST_TOKEN).statusCode(), "the running token still asks");

        assertEquals(401, admin("GET", "/links/tok-1", FIRST_TOKEN).statusCode(), "the old token no longer opens");
        assertNotEquals(401, admin("GET", "/links/tok-1", SECOND_TOKEN).statusCode());
        assertEquals(200, admin("POST", "/reload", SECOND_TOKEN).statusCode());

        config.adminToken = null;
        config.writeTo(file);
        assertEquals(200, admin("POST", "/reload", SECOND_TOKEN).statusCode());
        assertNotEquals(401, admin("GET", "/links/tok-1", null).statusCode(), "no token configured: open again");
    }

    @Test
    void aNewCloudNetworkListClassifiesTheNextClick() throws Exception {
        config = new ServiceConfig(0);
        config.upstreamPort = upstream.getPort();
        start();
        // Through the trusted loopback proxy, from a documentation network that no shipped list names.
        HttpRequest fromTestNet = click("/sign/tok-cloud-1").header("X-Forwarded-For", "203.0.113.9").build();
        assertEquals("the app", send(fromTestNet).body(), "a person's click, forwarded");

        Path clouds = Files.writeString(dir.resolve("clouds.txt"), "test-cloud 203.0.113.0/24\n");
        config.detectionExtra = "  cloud-networks: \"" + clouds + "\"\n";
        config.writeTo(file);
        assertEquals(200, admin("POST", "/reload", null).statusCode());

        HttpResponse<String> page = send(click("/sign/tok-cloud-2").header("X-Forwarded-For", "203.0.113.9").build());
        assertTrue(page.body().contains("Acme Sign"), "a cloud network now: the Continue page, not the app");
        upstream.verify(0, getRequestedFor(urlEqualTo("/sign/tok-cloud-2")));
    }

    @Test
    void theBrowserThatOpenedALinkIsStillKnownAfterASecretRotation() throws Exception {
        config = new ServiceConfig(0);
        config.upstreamPort = upstream.getPort();
        start();
        upstream.stubFor(get(urlEqualTo("/sign/tok-own")).inScenario("one-time")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("used")
                .willReturn(aResponse().withStatus(200).withBody("the document")));
        upstream.stubFor(get(urlEqualTo("/sign/tok-own")).inScenario("one-time").whenScenarioStateIs("used")
                .willReturn(aResponse().withStatus(410).withBody("link already used")));
        HttpResponse<String> first = send(click("/sign/tok-own").build());
        assertEquals("the document", first.body());
        String set = first.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("linkgate-browser="))
                .findFirst().orElseThrow(() -> new AssertionError("no browser cookie in " + first.headers().map()));
        String cookie = set.substring(0, set.indexOf(';'));

        config.secret = "a-second-secret-that-is-also-32-bytes-long";
        config.writeTo(file);
        assertEquals(200, admin("POST", "/reload", null).statusCode());
        clock.advance(Duration.ofMinutes(4));

        HttpResponse<String> again = send(click("/sign/tok-own").header("Cookie", cookie).build());
        assertEquals(200, again.statusCode(), "not the app's 410");
        assertEquals("the document", again.body(), "the first response again, for the browser that opened it");
        upstream.verify(1, getRequestedFor(urlEqualTo("/sign/tok-own")));
    }

    @Test
    void theNextStopDrainsForTheReloadedDrainTimeout() throws Exception {
        config = new ServiceConfig(0);
        config.upstreamPort = upstream.getPort();
        start();
        config.extra = "server:\n  drain-timeout: 3s\n";
        config.writeTo(file);
        assertEquals(200, admin("POST", "/reload", null).statusCode());
        // Service.close() and the SIGTERM hook read the drain from the live config, as here.
        assertEquals(Duration.ofSeconds(3), service.server().live().config().server().drainTimeout());
    }
}
