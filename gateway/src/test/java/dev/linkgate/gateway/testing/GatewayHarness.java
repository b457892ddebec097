package dev.linkgate.gateway.testing;

import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.detect.ReleaseCalendar;
import dev.linkgate.core.request.LinkRoutes;
import dev.linkgate.gateway.GatewayServer;
import dev.linkgate.gateway.admin.GatewayMetrics;
import dev.linkgate.core.policy.ClickPolicy;
import dev.linkgate.gateway.link.LinkMatcher;
import dev.linkgate.gateway.page.InterstitialPage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

/** A real gateway on a free port in front of the given upstream, with a real HTTP client. */
public final class GatewayHarness implements AutoCloseable {
    /** A current Chrome (the stale-browser signal judges the major by today's date). */
    public static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
            + ReleaseCalendar.CHROME.currentMajor(LocalDate.now(ZoneOffset.UTC).toEpochDay()) + ".0.0.0 Safari/537.36";

    public final GatewayServer server;
    private final GatewayMetrics metrics;
    private final PrometheusMeterRegistry registry;
    public final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private GatewayHarness(GatewayServer server, GatewayMetrics metrics, PrometheusMeterRegistry registry) {
        this.server = server;
        this.metrics = metrics;
        this.registry = registry;
    }

    public static GatewayHarness start(TestConfig config, RecordedPolicy policy) {
        return start(config, policy.policy, Clock.systemUTC());
    }

    /** @param clock when a click was received: the policy's clock, when a test moves time */
    public static GatewayHarness start(TestConfig config, ClickPolicy policy, Clock clock) {
        LinkgateConfig built = config.build();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GatewayMetrics metrics = new GatewayMetrics(registry);
        GatewayServer server = GatewayServer.start(built, policy, LinkMatcher.of(LinkRoutes.of(built.links())), metrics,
                InterstitialPage.create(built.interstitial()), clock);
        return new GatewayHarness(server, metrics, registry);
    }

    public int port() {
        return server.port();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    /** A person's click in a current Chrome: every header of a top-level navigation. */
    public HttpRequest.Builder browserGet(String pathAndQuery) {
        return browserWithoutFetchMetadata(pathAndQuery)
                .header("Sec-Fetch-Site", "none")
                .header("Sec-Fetch-Mode", "navigate")
                .header("Sec-Fetch-Dest", "document")
                .header("Sec-Fetch-User", "?1");
    }

    /** The same browser, but without fetch metadata: not confirmed as a person's click (no claim, the page). */
    public HttpRequest.Builder browserWithoutFetchMetadata(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10))
                .header("User-Agent", CHROME)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "en-GB,en;q=0.9");
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The value of one Prometheus sample, e.g. {@code metric("linkgate_duplicate_clicks_total", "kind=\"coalesced\"")};
     * 0 when no sample has all the labels.
     */
    public double metric(String name, String... labels) {
        return registry.scrape().lines()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    public RawHttp raw() throws IOException {
        return RawHttp.connect(port());
    }

    @Override
    public void close() {
        server.close(Duration.ofMillis(200));
        metrics.close();
    }
}
