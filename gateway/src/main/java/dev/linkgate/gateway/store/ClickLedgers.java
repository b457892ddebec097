package dev.linkgate.gateway.store;

import dev.linkgate.core.config.RedisConfig;
import dev.linkgate.core.config.StoreConfig;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.InMemoryClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;

/** Builds the click ledger that {@code store} names. Close it at shutdown. */
public final class ClickLedgers {
    /** How often a replica in fallback asks Redis whether it is back. */
    static final Duration PROBE_EVERY = Duration.ofSeconds(1);
    /** How often the shared size estimate is reported and read. */
    static final Duration SIZE_EVERY = Duration.ofSeconds(10);

    private ClickLedgers() {
    }

    /**
     * {@code type: memory}: this process's ledger. {@code type: redis}: the shared ledger, falling back as
     * {@code on-failure} says (default {@code local}) while Redis is unreachable. Never waits for Redis: the
     * connection opens in the background; operations wait for it at most {@link RedisSession#CONNECT_TIMEOUT},
     * and if Redis is not there the first of them switches to fallback.
     */
    public static ClickLedger create(StoreConfig store, LedgerSettings settings, Clock clock, MeterRegistry registry) {
        if (store.type() != StoreConfig.Type.REDIS) {
            return new InMemoryClickLedger(settings, clock);
        }
        RedisConfig redis = store.redis();
        if (redis == null) {
            throw new IllegalArgumentException("store.type: redis needs store.redis.uri");
        }
        // RedisConfig holds its own defaults (ConfigDefaults) and validates them: nothing to fill in here.
        RedisClickLedger shared = new RedisClickLedger(redis, settings, clock);
        InMemoryClickLedger local = store.onFailure() == StoreConfig.OnFailure.INTERSTITIAL
                ? null : new InMemoryClickLedger(settings, clock);
        FailoverClickLedger ledger = new FailoverClickLedger(shared, local, registry);
        ledger.start(shared.session().scheduler(), PROBE_EVERY, SIZE_EVERY);
        return ledger;
    }
}
