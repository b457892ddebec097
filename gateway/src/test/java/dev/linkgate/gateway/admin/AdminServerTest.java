package dev.linkgate.gateway.admin;

import dev.linkgate.core.config.Endpoint;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminServerTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicBoolean ready = new AtomicBoolean();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private GatewayMetrics metrics;
    private AdminServer server;

    @BeforeEach
    void start() throws InterruptedException {
        metrics = new GatewayMetrics(registry);
        server = AdminServer.start(new Endpoint("127.0.0.1", 0), registry, ready::get);
    }

    @AfterEach
    void stop() {
        server.close();
        metrics.close();
        registry.close();
    }

    private HttpResponse<String> send(String method, String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (accept != null) {
            b.header("Accept", accept);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsAreServedInThePrometheusTextFormat() throws Exception {
        metrics.outcome("link", "forward", "first_click").finished(200, 1_000_000L);
        HttpResponse<String> r = send("GET", "/metrics", null);
        assertEquals(200, r.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.body().contains("linkgate_requests_total{code=\"200\",decision=\"forward\",reason=\"first_click\",route=\"link\"} 1.0"));
        assertTrue(r.body().contains("jvm_memory_used_bytes"));
    }

    @Test
    void metricsAreServedAsOpenMetricsWhenTheScraperAsksForIt() throws Exception {
        HttpResponse<String> r = send("GET", "/metrics",
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/openmetrics-text"));
        assertTrue(r.body().endsWith("# EOF\n"));
    }

    @Test
    void healthzIsOkAndReadyzFollowsTheReadiness() throws Exception {
        HttpResponse<String> health = send("GET", "/healthz", null);
        assertEquals(200, health.statusCode());
        assertEquals("ok", health.body().trim());
        assertEquals(503, send("GET", "/readyz", null).statusCode());
        ready.set(true);
        assertEquals(200, send("GET", "/readyz?verbose", null).statusCode());
    }

    @Test
    void otherPathsAre404AndOtherMethods405() throws Exception {
        assertEquals(404, send("GET", "/", null).statusCode());
        assertEquals(404, send("GET", "/metrics/x", null).statusCode());
        HttpResponse<String> post = send("POST", "/metrics", null);
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElseThrow());
        assertEquals(405, send("DELETE", "/healthz", null).statusCode());
    }

    @Test
    void portZeroBindsARealPort() {
        assertTrue(server.port() > 0);
    }
}
