package dev.linkgate.bench;

import dev.linkgate.core.config.Mode;
import dev.linkgate.core.config.PolicyConfig;
import dev.linkgate.core.config.Reclick;
import dev.linkgate.core.history.InMemoryLinkHistory;
import dev.linkgate.core.ledger.InMemoryClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.core.policy.Action;
import dev.linkgate.core.policy.ClickPolicy;
import dev.linkgate.core.policy.Decision;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.core.session.BrowserCookies;
import dev.linkgate.gateway.link.HistoryRecorder;
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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Everything core does for one first click under {@code scripts/bench}'s config, in the order the link flow
 * does it: decide (classify, link id, fingerprint, ledger claim, browser cookie), record the decision in the
 * link history, take the response copy and complete the claim with it. Steady state as in a long load run:
 * 1,000,000 links in the ledger and in the history, and the 64 MiB copy budget full, so each copy kept drops
 * the oldest. The response is what the bench's upstream answers a link (nginx's 302 with a session cookie).
 * Run with {@code -prof gc -prof dev.linkgate.bench.CpuTimeProfiler}: the process CPU includes the GC threads,
 * which the copies and histories kept for minutes keep busy.
 */
@State(Scope.Thread)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class FirstClickBench {
    static final int LINKS = 1_000_000;
    private static final byte[] SECRET = "bench-secret-0123456789abcdef-0123456789".getBytes(StandardCharsets.UTF_8);
    /** nginx's own 302 page, as the bench's upstream sends it. */
    private static final byte[] REDIRECT_PAGE = ("<html>\r\n<head><title>302 Found</title></head>\r\n<body>\r\n"
            + "<center><h1>302 Found</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    /** Events kept per link (store.history-events); 0 turns the history off. */
    @Param({"8"})
    public int historyEvents;

    /** policy.resume-window in minutes; 0 keeps copies for the double click only. */
    @Param({"10"})
    public int resumeMinutes;

    private ClickPolicy policy;
    private HistoryRecorder history;
    private Clock clock;
    private ClickRequest template;
    private UniqueLinks links;

    @Setup
    public void setUp() {
        clock = Clock.systemUTC();
        PolicyConfig config = new PolicyConfig(Mode.BALANCED, Duration.ofSeconds(2), Duration.ofHours(72),
                Reclick.INTERSTITIAL, Duration.ofMinutes(10), Duration.ofSeconds(2), ShippedDetector.STALE_MAJORS,
                Duration.ofMillis(800), Duration.ofMinutes(resumeMinutes), "linkgate-browser");
        InMemoryClickLedger ledger = new InMemoryClickLedger(new LedgerSettings(config.linkTtl(), LINKS,
                config.fanOutWindow(), config.doubleClickWindow(), config.resumeWindow(), 64L << 20), clock);
        BrowserCookies cookies = new BrowserCookies(SECRET, config.browserCookie(), config.resumeWindow(), clock);
        policy = new ClickPolicy(config, ShippedDetector.load(), ledger, BenchTokens.create(clock), cookies, clock);
        history = historyEvents == 0 ? HistoryRecorder.OFF : new HistoryRecorder(
                new InMemoryLinkHistory(historyEvents, LINKS, config.linkTtl(), clock, "replica-1"), "replica-1");
        links = new UniqueLinks(11);
        template = SampleClicks.currentChrome("x", clock.instant());
        Decision first = firstClick();
        if (first.action() != Action.FORWARD || (first.cookie() == null) == config.resumes()) {
            throw new IllegalStateException("the sample Chrome click is not forwarded as a first click: " + first.trace());
        }
        for (int i = 0; i < LINKS; i++) {
            firstClick();
        }
        if (config.resumes() && ledger.copiesDropped() == 0) {
            throw new IllegalStateException("the copy budget never filled: not the steady state of a load run");
        }
    }

    @Benchmark
    public Decision firstClick() {
        String key = links.nextKey();
        ClickRequest request = new ClickRequest("GET", SampleClicks.PATH_PREFIX + key, null, key, template.client(),
                template.headers(), clock.instant());
        Decision d = history.after(request, "link", policy.decide(request)).toCompletableFuture().join();
        String setCookie = d.cookie() == null ? "" : policy.cookies().setCookie(d.cookie(), false);
        SharedResponse copy = new SharedResponse(302, List.of(
                Map.entry("Server", "nginx/1.22.1"),
                Map.entry("Date", "Wed, 02 Dec 2026 08:15:09 GMT"),
                Map.entry("Content-Type", "text/html"),
                Map.entry("Location", "/documents/signing-session"),
                Map.entry("Set-Cookie", "sid=3f9a0c2e7b1d4e6f; Path=/; HttpOnly; Secure; SameSite=Lax")), REDIRECT_PAGE);
        policy.forwarded(d, copy).toCompletableFuture().join();
        return setCookie.length() < 0 ? null : d;
    }
}
