package dev.linkgate.gateway.admin;

import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.detect.Evidence;
import dev.linkgate.core.detect.Weight;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final GatewayMetrics metrics = new GatewayMetrics(registry);

    @AfterEach
    void close() {
        metrics.close();
        registry.close();
    }

    private static void assertLine(String scrape, String line) {
        assertTrue(scrape.lines().anyMatch(l -> l.equals(line)), () -> "missing line " + line + " in\n" + scrape);
    }

    private static void assertSeries(String scrape, String name) {
        assertTrue(scrape.lines().anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " ")),
                () -> "missing series " + name);
    }

    @Test
    void everyLinkgateMeterHasItsPrometheusName() {
        metrics.request("link", "INTERSTITIAL", "bot");
        metrics.signals(Classification.of(List.of(new Evidence("method", Weight.BOT, "method_head"),
                new Evidence("user_agent", Weight.BOT, "ua_mail_security", "Proofpoint"),
                new Evidence("user_agent", Weight.BOT, "made_up_code"))));
        metrics.continued("accepted");
        metrics.duplicateClick("coalesced");
        metrics.upstreamDuration(42_000_000L);
        metrics.upstreamError("timeout");
        metrics.connectionOpened();
        metrics.connectionOpened();
        metrics.connectionClosed();
        metrics.ledgerSize(() -> 7);

        String scrape = registry.scrape(AdminRoutes.TEXT_004);
        assertLine(scrape, "linkgate_requests_total{decision=\"INTERSTITIAL\",reason=\"bot\",route=\"link\"} 1.0");
        assertLine(scrape, "linkgate_signals_total{signal=\"method_head\"} 1.0");
        assertLine(scrape, "linkgate_signals_total{signal=\"ua_mail_security\"} 1.0");
        assertLine(scrape, "linkgate_signals_total{signal=\"other\"} 1.0");
        assertLine(scrape, "linkgate_interstitial_continued_total{result=\"accepted\"} 1.0");
        assertLine(scrape, "linkgate_duplicate_clicks_total{kind=\"coalesced\"} 1.0");
        assertLine(scrape, "linkgate_upstream_errors_total{type=\"timeout\"} 1.0");
        assertLine(scrape, "linkgate_upstream_request_duration_seconds_bucket{le=\"0.05\"} 1");
        assertLine(scrape, "linkgate_upstream_request_duration_seconds_bucket{le=\"0.025\"} 0");
        assertLine(scrape, "linkgate_upstream_request_duration_seconds_bucket{le=\"+Inf\"} 1");
        assertLine(scrape, "linkgate_upstream_request_duration_seconds_count 1");
        assertLine(scrape, "linkgate_upstream_request_duration_seconds_sum 0.042");
        assertLine(scrape, "# TYPE linkgate_upstream_request_duration_seconds histogram");
        assertLine(scrape, "linkgate_active_connections 1.0");
        assertLine(scrape, "linkgate_ledger_links 7.0");
    }

    @Test
    void theJvmAndNettyAllocatorMetersAreBound() {
        String scrape = registry.scrape(AdminRoutes.TEXT_004);
        for (String name : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                "system_cpu_count", "jvm_gc_memory_allocated_bytes_total", "netty_allocator_memory_used")) {
            assertSeries(scrape, name);
        }
        assertTrue(scrape.contains("allocator_type=\"PooledByteBufAllocator\""), "the pooled allocator is measured");
    }

    @Test
    void aMissingReasonIsLabelledNone() {
        metrics.request("passthrough", "PASS", null);
        assertLine(registry.scrape(AdminRoutes.TEXT_004),
                "linkgate_requests_total{decision=\"PASS\",reason=\"none\",route=\"passthrough\"} 1.0");
    }
}
