package dev.linkgate.bench;

import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.token.ContinueTokens;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** Continue tokens: minted for every interstitial, verified on every continue. Goal for both: at most 5 µs. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ContinueTokenBench {
    private static final long FINGERPRINT = 0x5DEECE66DL;

    private ContinueTokens tokens;
    private LinkId link;
    private String minted;

    @Setup
    public void setUp() {
        tokens = BenchTokens.create(Clock.systemUTC());
        link = new UniqueLinks(3).nextId();
        minted = tokens.mint(link, FINGERPRINT).token();
        if (!tokens.verify(minted, link, FINGERPRINT).valid()) {
            throw new IllegalStateException("a fresh token does not verify");
        }
    }

    @Benchmark
    public ContinueTokens.Minted mint() {
        return tokens.mint(link, FINGERPRINT);
    }

    @Benchmark
    public ContinueTokens.Check verify() {
        return tokens.verify(minted, link, FINGERPRINT);
    }

    /** What an interstitial and its continue cost together: mint, then verify what was minted. */
    @Benchmark
    public ContinueTokens.Check mintAndVerify() {
        return tokens.verify(tokens.mint(link, FINGERPRINT).token(), link, FINGERPRINT);
    }

    /** The page's gesture proof: computed when the page is served, checked again on the continue. */
    @Benchmark
    public boolean proofAndMatch() {
        return tokens.proofMatches(minted, tokens.proof(minted));
    }
}
