package dev.linkgate.gateway.admin;

import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.detect.Evidence;
import dev.linkgate.core.detect.Weight;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
        metrics.outcome("link", "interstitial", "bot").finished(200, 3_000_000L);
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
        assertLine(scrape, "linkgate_requests_total{code=\"200\",decision=\"interstitial\",reason=\"bot\",route=\"link\"} 1.0");
        assertLine(scrape, "linkgate_request_duration_seconds_bucket{decision=\"interstitial\",route=\"link\",le=\"0.005\"} 1");
        assertLine(scrape, "linkgate_request_duration_seconds_bucket{decision=\"interstitial\",route=\"link\",le=\"0.002\"} 0");
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
                "process_cpu_usage", "jvm_gc_memory_allocated_bytes_total", "netty_allocator_memory_used",
                "process_start_time_seconds", "process_resident_memory_bytes", "process_open_fds",
                "process_max_fds", "process_cpu_seconds_total")) {
            assertSeries(scrape, name);
        }
        assertTrue(scrape.contains("allocator_type=\"PooledByteBufAllocator\""), "the pooled allocator is measured");
    }

    @Test
    void aMissingReasonIsLabelledNone() {
        metrics.outcome("passthrough", "pass", null).finished(404, 1000);
        assertLine(registry.scrape(AdminRoutes.TEXT_004),
                "linkgate_requests_total{code=\"404\",decision=\"pass\",reason=\"none\",route=\"passthrough\"} 1.0");
    }

    @Test
    void theStatusSentIsTheCodeLabelSoAnUpstream404AndA502AreApart() {
        metrics.passthrough().finished(404, 1000);
        metrics.passthrough().finished(502, 1000);
        metrics.passthrough().finished(502, 1000);
        metrics.passthrough().finished(1234, 1000);
        String scrape = registry.scrape(AdminRoutes.TEXT_004);
        assertLine(scrape, "linkgate_requests_total{code=\"404\",decision=\"pass\",reason=\"none\",route=\"passthrough\"} 1.0");
        assertLine(scrape, "linkgate_requests_total{code=\"502\",decision=\"pass\",reason=\"none\",route=\"passthrough\"} 2.0");
        assertLine(scrape, "linkgate_requests_total{code=\"0\",decision=\"pass\",reason=\"none\",route=\"passthrough\"} 1.0");
        assertLine(scrape, "linkgate_request_duration_seconds_count{decision=\"pass\",route=\"passthrough\"} 4");
        assertSame(metrics.outcome("link", "forward", "first_click"), metrics.outcome("link", "forward", "first_click"),
                "an outcome's meters are resolved once");
    }

    @Test
    void everyLabelValueKnownInAdvanceStartsAtZero() {
        String scrape = registry.scrape(AdminRoutes.TEXT_004);
        assertLine(scrape, "linkgate_requests_total{code=\"200\",decision=\"interstitial\",reason=\"bot\",route=\"link\"} 0.0");
        assertLine(scrape, "linkgate_requests_total{code=\"403\",decision=\"reject\",reason=\"gesture_required\",route=\"continue\"} 0.0");
        assertLine(scrape, "linkgate_requests_total{code=\"200\",decision=\"pass\",reason=\"none\",route=\"passthrough\"} 0.0");
        assertLine(scrape, "linkgate_request_duration_seconds_count{decision=\"coalesce\",route=\"link\"} 0");
        for (String signal : dev.linkgate.core.detect.Detector.REASONS) {
            assertLine(scrape, "linkgate_signals_total{signal=\"" + signal + "\"} 0.0");
        }
        for (String result : List.of("accepted", "token_invalid", "token_expired", "token_replayed", "gesture_required")) {
            assertLine(scrape, "linkgate_interstitial_continued_total{result=\"" + result + "\"} 0.0");
        }
        for (String kind : List.of("coalesced", "too_large", "interstitial", "timeout")) {
            assertLine(scrape, "linkgate_duplicate_clicks_total{kind=\"" + kind + "\"} 0.0");
        }
        for (dev.linkgate.gateway.proxy.UpstreamError type : dev.linkgate.gateway.proxy.UpstreamError.values()) {
            if (type != dev.linkgate.gateway.proxy.UpstreamError.ABORTED) {
                assertLine(scrape, "linkgate_upstream_errors_total{type=\"" + type.label() + "\"} 0.0");
            }
        }
    }

    @Test
    void buildInfoNamesTheVersionAndTheGitRevisionOfThisBuild() {
        BuildInfo build = BuildInfo.current();
        assertTrue(build.version().matches("\\d+\\.\\d+\\.\\d+.*"), () -> "the project version, got " + build.version());
        assertTrue(build.revision().matches("[0-9a-f]{12}"), () -> "a git commit, got " + build.revision());
        assertLine(registry.scrape(AdminRoutes.TEXT_004), "linkgate_build_info{revision=\"" + build.revision()
                + "\",version=\"" + build.version() + "\"} 1");
    }
}
