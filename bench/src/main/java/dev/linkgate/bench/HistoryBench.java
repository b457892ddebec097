package dev.linkgate.bench;

import dev.linkgate.core.detect.Verdict;
import dev.linkgate.core.history.HistoryEvent;
import dev.linkgate.core.history.InMemoryLinkHistory;
import dev.linkgate.core.policy.Action;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The in-memory link history at its bound, as on a first click in service: each new link's first event evicts
 * the stalest of a few links and takes its slot. At a million links the eviction's reads are what it costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseTransparentHugePages"})
public class HistoryBench {
    @Param({"1000000"})
    public int maxLinks;

    private InMemoryLinkHistory history;
    private UniqueLinks links;
    private LedgerFootprint.SteppingClock clock;
    private HistoryEvent event;
    private int n;

    @Setup
    public void fill() {
        clock = new LedgerFootprint.SteppingClock(Instant.parse("2026-12-01T09:00:00Z"));
        history = HistoryFill.fill(maxLinks, 2, clock);
        links = new UniqueLinks(99);
    }

    /** A new link's first event into the full history. */
    @Benchmark
    public int newLink() {
        // One new link a millisecond: the last-event seconds advance as in service.
        clock.step(1);
        if (n++ % 1000 == 0) {
            event = new HistoryEvent(clock.instant(), "link", "GET", Action.FORWARD, "first_click", Verdict.HUMAN,
                    List.of("browser_confirmed"), "203.0.113.0/24", null, "Chrome", 142, "replica-1");
        }
        history.record(links.nextId(), event);
        return history.size();
    }
}
