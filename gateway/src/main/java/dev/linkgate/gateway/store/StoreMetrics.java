package dev.linkgate.gateway.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The shared store's meters. Micrometer names in dots; Prometheus shows them as
 * {@code linkgate_store_errors_total{op}}, {@code linkgate_store_fallback} and
 * {@code linkgate_store_operation_duration_seconds{op}}.
 */
final class StoreMetrics {
    private final MeterRegistry registry;
    private final Map<StoreOp, Counter> errors = new EnumMap<>(StoreOp.class);
    private final Map<StoreOp, Timer> durations = new EnumMap<>(StoreOp.class);

    StoreMetrics(MeterRegistry registry, BooleanSupplier fallback) {
        this.registry = registry;
        for (StoreOp op : StoreOp.values()) {
            errors.put(op, Counter.builder("linkgate.store.errors")
                    .description("Redis store operations that failed or timed out")
                    .tag("op", op.tag)
                    .register(registry));
            durations.put(op, Timer.builder("linkgate.store.operation.duration")
                    .description("Redis store operations, one round trip each")
                    .tag("op", op.tag)
                    .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
                            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
                            Duration.ofMillis(100))
                    .register(registry));
        }
        Gauge.builder("linkgate.store.fallback", () -> fallback.getAsBoolean() ? 1 : 0)
                .description("1 while Redis is unreachable and the store.on-failure mode is in force")
                .register(registry);
    }

    /** A start time on the registry's clock, for {@link #finished}. */
    long start() {
        return registry.config().clock().monotonicTime();
    }

    void finished(StoreOp op, long start, boolean failed) {
        durations.get(op).record(registry.config().clock().monotonicTime() - start, TimeUnit.NANOSECONDS);
        if (failed) {
            errors.get(op).increment();
        }
    }
}
