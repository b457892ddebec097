package dev.linkgate.bench;

import dev.linkgate.core.request.BrowserFingerprint;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.core.request.LinkId;
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

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** The two SHA-256 hashes of every link request: the link's ledger id and the browser fingerprint. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LinkIdentityBench {
    private String linkKey;
    private ClickRequest request;

    @Setup
    public void setUp() {
        linkKey = new UniqueLinks(1).nextKey();
        request = SampleClicks.currentChrome(linkKey, Instant.now());
    }

    @Benchmark
    public LinkId linkIdOf() {
        return LinkId.of(linkKey);
    }

    @Benchmark
    public long fingerprintOf() {
        return BrowserFingerprint.of(request);
    }
}
