package dev.linkgate.gateway.testing;

import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.request.LinkRoutes;
import dev.linkgate.gateway.GatewayServer;
import dev.linkgate.gateway.admin.GatewayMetrics;
import dev.linkgate.gateway.link.LinkDecider;
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
import java.util.concurrent.CompletableFuture;

/** A real gateway on a free port in front of the given upstream, with a real HTTP client. */
public final class GatewayHarness implements AutoCloseable {
    public static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/126.0.0.0 Safari/537.36";

    public final GatewayServer server;
    private final GatewayMetrics metrics;
    public final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private GatewayHarness(GatewayServer server, GatewayMetrics metrics) {
        this.server = server;
        this.metrics = metrics;
    }

    public static GatewayHarness start(TestConfig config, LinkDecider decider) {
        LinkgateConfig built = config.build();
        GatewayMetrics metrics = new GatewayMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        GatewayServer server = GatewayServer.start(built, decider, LinkRoutes.of(built.links())::match, metrics,
                InterstitialPage.create(built.interstitial()), Clock.systemUTC());
        return new GatewayHarness(server, metrics);
    }

    public int port() {
        return server.port();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    /** A browser-like GET (current Chrome, English). */
    public HttpRequest.Builder browserGet(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10))
                .header("User-Agent", CHROME)
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Language", "en-GB,en;q=0.9");
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
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
