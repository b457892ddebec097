package dev.linkgate.bench;

import dev.linkgate.core.token.ContinueTokens;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** Continue tokens as the benches sign them: one fixed secret and the product's default continue TTL. */
final class BenchTokens {
    private static final byte[] SECRET = "bench-secret-0123456789abcdef-0123456789".getBytes(StandardCharsets.UTF_8);

    private BenchTokens() {
    }

    static ContinueTokens create(Clock clock) {
        return new ContinueTokens(SECRET, Duration.ofMinutes(10), clock);
    }
}
