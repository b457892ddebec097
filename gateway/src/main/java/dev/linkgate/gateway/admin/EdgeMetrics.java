package dev.linkgate.gateway.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Meters of the edge: TLS handshakes that failed, by reason, and protocol upgrades (WebSocket), by result.
 * Label values come from fixed sets ({@code TlsFailure}, {@code UpgradeResult}), never from the client.
 */
public final class EdgeMetrics {
    private final Meter.MeterProvider<Counter> handshakeFailures;
    private final Meter.MeterProvider<Counter> upgrades;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    public EdgeMetrics(MeterRegistry registry) {
        handshakeFailures = Counter.builder("linkgate.tls.handshake.failures")
                .description("TLS handshakes with clients that failed, by reason")
                .withRegistry(registry);
        upgrades = Counter.builder("linkgate.upgrades")
                .description("Protocol upgrades (WebSocket) asked for by clients, by result")
                .withRegistry(registry);
    }

    public void handshakeFailed(String reason) {
        counters.computeIfAbsent("tls:" + reason, k -> handshakeFailures.withTags("reason", reason)).increment();
    }

    public void upgrade(String result) {
        counters.computeIfAbsent("upgrade:" + result, k -> upgrades.withTags("result", result)).increment();
    }
}
