package dev.linkgate.gateway.store;

import dev.linkgate.core.config.RedisConfig;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.InMemoryClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.ledger.Visit;
import dev.linkgate.core.request.LinkId;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Prints the throughput of a forwarded click (visit that claims, then complete) on each store; it asserts
 * nothing about speed. Run it alone, without the tests' paranoid leak detection (it slows Lettuce 5x):
 * <pre>
 * mvn -B -q -pl gateway -am verify -Dlinkgate.bench=true -Dtest=LedgerThroughputBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.argLine=-Dio.netty.leakDetection.level=disabled
 * </pre>
 * Options: {@code -Dlinkgate.bench.clicks=50000 -Dlinkgate.bench.inFlight=64 -Dlinkgate.bench.timeoutMillis=1000}.
 */
@EnabledIfSystemProperty(named = "linkgate.bench", matches = "true")
class LedgerThroughputBenchmark {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static final int CLICKS = Integer.getInteger("linkgate.bench.clicks", 50_000);
    private static final int IN_FLIGHT = Integer.getInteger("linkgate.bench.inFlight", 64);
    private static final LedgerSettings SETTINGS =
            new LedgerSettings(Duration.ofHours(72), 1_000_000, Duration.ofSeconds(2), Duration.ofSeconds(2));

    @Test
    void forwardedClicksPerSecond() throws Exception {
        Clock clock = Clock.systemUTC();
        AtomicLong commands = new AtomicLong();
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.incrementAndGet();
            }
        };
        run("memory", () -> new InMemoryClickLedger(SETTINGS, clock), null);
        Duration timeout = Duration.ofMillis(Long.getLong("linkgate.bench.timeoutMillis", 1000));
        run("redis", () -> new RedisClickLedger(new RedisSession(RedisEndpoint.parse(redis.uri()), timeout, counter),
                new RedisKeys("b" + System.nanoTime() + ":"), SETTINGS, clock), commands);
        run("redis+failover", () -> new FailoverClickLedger(new RedisClickLedger(
                new RedisConfig(redis.uri(), timeout, "bf" + System.nanoTime() + ":"), SETTINGS, clock),
                new InMemoryClickLedger(SETTINGS, clock), new SimpleMeterRegistry()), null);
    }

    private static void run(String name, Supplier<ClickLedger> store, AtomicLong commands) throws Exception {
        try (ClickLedger ledger = store.get()) {
            clicks(ledger, "warm-" + name, CLICKS / 5);
            long sentBefore = commands == null ? 0 : commands.get();
            long start = System.nanoTime();
            long failed = clicks(ledger, name, CLICKS);
            double seconds = (System.nanoTime() - start) / 1e9;
            String roundTrips = commands == null ? ""
                    : String.format(", %.2f commands per click (visit + complete)",
                            (commands.get() - sentBefore) / (double) CLICKS);
            String fellBack = ledger instanceof FailoverClickLedger f && f.inFallback()
                    ? " (fell back to the local ledger after a failure: the figure is local)" : "";
            System.out.printf("%-15s %,d clicks, %d in flight: %,.0f clicks/s = %,.0f ledger ops/s, %d failed%s%s%n",
                    name, CLICKS, IN_FLIGHT, CLICKS / seconds, 2 * CLICKS / seconds, failed, roundTrips, fellBack);
        }
    }

    /** Visit-and-claim then complete, for {@code n} new links, {@code IN_FLIGHT} at a time. */
    private static long clicks(ClickLedger ledger, String run, int n) throws InterruptedException {
        LinkId[] links = new LinkId[n];
        for (int i = 0; i < n; i++) {
            links[i] = LinkId.of(run + "-" + i + "-" + System.nanoTime());
        }
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicLong failed = new AtomicLong();
        for (int i = 0; i < n; i++) {
            slots.acquire();
            LinkId link = links[i];
            long browser = i;
            ledger.visit(new Visit(link, browser, 7, true, true))
                    .thenCompose(view -> ledger.complete(link, browser, null))
                    .whenComplete((done, failure) -> {
                        if (failure != null || !done) {
                            failed.incrementAndGet();
                        }
                        slots.release();
                    });
        }
        if (!slots.tryAcquire(IN_FLIGHT, 30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("clicks did not finish");
        }
        return failed.get();
    }
}
