package dev.linkgate.bench;

import dev.linkgate.core.config.Mode;
import dev.linkgate.core.config.PolicyConfig;
import dev.linkgate.core.config.Reclick;
import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.detect.Evidence;
import dev.linkgate.core.detect.RequestClassifier;
import dev.linkgate.core.detect.Verdict;
import dev.linkgate.core.detect.Weight;
import dev.linkgate.core.ledger.InMemoryClickLedger;
import dev.linkgate.core.policy.Action;
import dev.linkgate.core.policy.ClickPolicy;
import dev.linkgate.core.policy.Decision;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.core.token.ContinueTokens;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A whole {@link ClickPolicy#decide} for a person's first click on a link never seen before: classify,
 * fingerprint, link id, ledger claim, decision with its trace. The ledger is full (1,000,000 used links).
 * {@code classifier=shipped} runs the real detector with the shipped lists; {@code scripted} answers HUMAN at
 * once, which shows what the policy costs around detection.
 */
@State(Scope.Thread)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DecideBench {
    private static final Classification HUMAN = Classification.of(
            List.of(new Evidence("consistency", Weight.CONFIRMS_BROWSER, "browser_confirmed")));

    @Param({"shipped", "scripted"})
    public String classifier;

    private ClickPolicy policy;
    private Clock clock;
    private ClickRequest template;
    private UniqueLinks links;

    @Setup
    public void setUp() {
        clock = Clock.systemUTC();
        RequestClassifier detector = "shipped".equals(classifier) ? ShippedDetector.load() : request -> HUMAN;
        InMemoryClickLedger ledger = LedgerBench.filledLedger(1_000_000, clock);
        ContinueTokens tokens = BenchTokens.create(clock);
        PolicyConfig config = new PolicyConfig(Mode.BALANCED, Duration.ofSeconds(2), Duration.ofHours(72),
                Reclick.INTERSTITIAL, Duration.ofMinutes(10), Duration.ofSeconds(2), ShippedDetector.STALE_MAJORS,
                Duration.ofMillis(800));
        policy = new ClickPolicy(config, detector, ledger, tokens, clock);
        links = new UniqueLinks(11);
        template = SampleClicks.currentChrome("x", clock.instant());
        Decision first = decideFirstClick();
        if (detector.classify(template).verdict() != Verdict.HUMAN || first.action() != Action.FORWARD) {
            throw new IllegalStateException("the sample Chrome click is not forwarded as a first click: " + first.trace());
        }
    }

    @Benchmark
    public Decision decideFirstClick() {
        String key = links.nextKey();
        ClickRequest request = new ClickRequest("GET", SampleClicks.PATH_PREFIX + key, null, key, template.client(),
                template.headers(), clock.instant());
        return policy.decide(request).toCompletableFuture().join();
    }
}
