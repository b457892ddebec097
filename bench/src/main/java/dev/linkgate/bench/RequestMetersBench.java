package dev.linkgate.bench;

import dev.linkgate.gateway.admin.GatewayMetrics;
import dev.linkgate.gateway.admin.RequestMeters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What counting a request costs on the hot path: {@code linkgate_requests_total{...,code}} and the latency
 * histogram, for a passthrough (resolved once) and for a link decision (its outcome looked up per request).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestMetersBench {
    private PrometheusMeterRegistry registry;
    private GatewayMetrics metrics;
    private long nanos = 1_234_567;

    @Setup
    public void setUp() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics = new GatewayMetrics(registry);
    }

    @TearDown
    public void tearDown() {
        metrics.close();
        registry.close();
    }

    @Benchmark
    public void passthrough() {
        metrics.passthrough().finished(200, nanos++ & 0xFFFFFF);
    }

    @Benchmark
    public RequestMeters linkDecision() {
        RequestMeters m = metrics.outcome("link", "interstitial", "bot");
        m.finished(200, nanos++ & 0xFFFFFF);
        return m;
    }
}
