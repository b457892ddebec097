package dev.linkgate.bench;

import dev.linkgate.core.ledger.InMemoryClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.ledger.LinkView;
import dev.linkgate.core.ledger.Visit;
import dev.linkgate.core.request.LinkId;
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
import org.openjdk.jmh.infra.Blackhole;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The in-memory ledger in steady state: full to its bound with used links, so every new link also evicts the
 * oldest. Goal for claim + complete: at most 1 µs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LedgerBench {
    static final long FINGERPRINT = 0x5DEECE66DL;
    static final long NETWORK = 0x4_00CB_0071L;

    @Param({"1000000"})
    public int maxLinks;

    private InMemoryClickLedger ledger;
    private UniqueLinks links;

    @Setup
    public void fill() {
        ledger = filledLedger(maxLinks, Clock.systemUTC());
        links = new UniqueLinks(42);
    }

    /** A ledger at its bound, every link claimed and completed as after a day of first clicks. */
    static InMemoryClickLedger filledLedger(int maxLinks, Clock clock) {
        InMemoryClickLedger ledger = new InMemoryClickLedger(new LedgerSettings(Duration.ofHours(72), maxLinks,
                Duration.ofSeconds(2), Duration.ofSeconds(2)), clock);
        UniqueLinks earlier = new UniqueLinks(7);
        for (int i = 0; i < maxLinks; i++) {
            LinkId link = earlier.nextId();
            ledger.visit(new Visit(link, FINGERPRINT, NETWORK, true, true));
            ledger.complete(link, FINGERPRINT, UniqueLinks.SIGN_REDIRECT);
        }
        return ledger;
    }

    /** A first click: the visit claims the link, the forward's response completes it. */
    @Benchmark
    public void claimAndComplete(Blackhole bh) {
        LinkId link = links.nextId();
        bh.consume(ledger.visit(new Visit(link, FINGERPRINT, NETWORK, true, true)));
        bh.consume(ledger.complete(link, FINGERPRINT, UniqueLinks.SIGN_REDIRECT));
    }

    /**
     * First clicks as a loaded proxy sees them: each link completed 32 claims after its own (32 connections in
     * flight), so the completion's look-up no longer finds the claim's cache lines warm.
     */
    @Benchmark
    public void claimAndCompleteLater(InFlight s, Blackhole bh) {
        LinkId link = links.nextId();
        bh.consume(ledger.visit(new Visit(link, FINGERPRINT, NETWORK, true, true)));
        int i = s.next++ & (InFlight.DEPTH - 1);
        LinkId earlier = s.links[i];
        s.links[i] = link;
        if (earlier != null) {
            bh.consume(ledger.complete(earlier, FINGERPRINT, UniqueLinks.SIGN_REDIRECT));
        }
    }

    @State(Scope.Thread)
    public static class InFlight {
        static final int DEPTH = 32;
        final LinkId[] links = new LinkId[DEPTH];
        int next;
    }

    /** A scanner's visit: recorded, never claimed (the interstitial path). */
    @Benchmark
    public Object visitWithoutClaim() {
        return ledger.visit(new Visit(links.nextId(), FINGERPRINT, NETWORK, false, false));
    }

    /** The owner's double click: a visit on a link it already holds. */
    @Benchmark
    public LinkView revisitOwnLink(RevisitState s) {
        return ledger.visit(new Visit(s.link, FINGERPRINT, NETWORK, true, true)).toCompletableFuture().join();
    }

    @State(Scope.Thread)
    public static class RevisitState {
        LinkId link;

        @Setup
        public void claim(LedgerBench bench) {
            link = new UniqueLinks(99).nextId();
            bench.ledger.visit(new Visit(link, FINGERPRINT, NETWORK, true, true));
            bench.ledger.complete(link, FINGERPRINT, UniqueLinks.SIGN_REDIRECT);
        }
    }
}
