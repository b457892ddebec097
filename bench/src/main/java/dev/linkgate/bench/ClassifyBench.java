package dev.linkgate.bench;

import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.detect.RequestClassifier;
import dev.linkgate.core.request.ClickRequest;
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
import java.util.concurrent.TimeUnit;

/**
 * Request-local detection of one realistic request with the shipped lists, with and without the cloud list
 * (the pair shows its cost on a machine too noisy for absolute figures). Goal: at most 2 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ClassifyBench {

    @Param({"CHROME", "STALE_CHROME_EOP", "CURL", "SAFARI", "CHROME_AZURE"})
    public SampleClicks.Kind kind;

    /** Whether the cloud list is loaded: the same walk over a trie with ~12,600 more prefixes. */
    @Param({"true", "false"})
    public boolean clouds;

    private RequestClassifier detector;
    private ClickRequest request;

    @Setup
    public void setUp() {
        detector = ShippedDetector.load(clouds);
        request = SampleClicks.of(kind, "b2K9xQmT4vLr8ZsW1pYc7NfA", Instant.now());
        Classification found = detector.classify(request);
        if (found.verdict() != kind.expected && clouds) {
            throw new IllegalStateException(kind + " is classified " + found.verdict() + ": " + found.evidence());
        }
    }

    @Benchmark
    public Classification classify() {
        return detector.classify(request);
    }
}
