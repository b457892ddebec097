package dev.linkgate.bench;

import dev.linkgate.core.config.InterstitialConfig;
import dev.linkgate.core.policy.Interstitial;
import dev.linkgate.core.token.ContinueTokens;
import dev.linkgate.gateway.page.InterstitialPage;
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
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The Continue page, rendered for every click the policy holds back (every scanner's visit): the shipped
 * template in English with a real token and proof. {@code newNonce} is the nonce each response draws first.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InterstitialPageBench {
    private static final String ACCEPT_LANGUAGE = "en-US,en;q=0.9";

    private InterstitialPage page;
    private Interstitial first;
    private Interstitial reclick;
    private String nonce;

    @Setup
    public void setUp() {
        page = InterstitialPage.create(InterstitialConfig.defaults());
        ContinueTokens tokens = BenchTokens.create(Clock.systemUTC());
        ContinueTokens.Minted minted = tokens.mint(new UniqueLinks(5).nextId(), 0x5DEECE66DL);
        first = new Interstitial(minted.token(), tokens.proof(minted.token()), 1500, null, minted.expiresAt());
        reclick = new Interstitial(minted.token(), tokens.proof(minted.token()), 1500,
                Instant.parse("2026-11-27T10:00:00Z"), minted.expiresAt());
        nonce = InterstitialPage.newNonce();
    }

    @Benchmark
    public InterstitialPage.Page continuePage() {
        return page.continuePage(first, ACCEPT_LANGUAGE, nonce);
    }

    /** A second click on a used link: the page adds when the link was first opened. */
    @Benchmark
    public InterstitialPage.Page reclickPage() {
        return page.continuePage(reclick, ACCEPT_LANGUAGE, nonce);
    }

    @Benchmark
    public String newNonce() {
        return InterstitialPage.newNonce();
    }
}
