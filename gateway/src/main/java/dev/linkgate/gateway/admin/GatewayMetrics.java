package dev.linkgate.gateway.admin;

import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.detect.Detector;
import dev.linkgate.core.detect.Evidence;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.netty4.NettyAllocatorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.buffer.PooledByteBufAllocator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * linkgate's meters, named as Prometheus shows them (Micrometer adds {@code _total} to counters and
 * {@code _seconds} to timers). Every label value comes from a bounded set: routes, decisions, reason codes,
 * evidence reasons, error types, status codes; never request data. The values known in advance
 * ({@link KnownLabels}) are registered at start, at 0. Also binds the JVM, process and Netty allocator meters,
 * named and described so that {@code promtool check metrics} accepts the whole scrape.
 */
public final class GatewayMetrics implements AutoCloseable {
    /** Upstream latency buckets: a signing page is usually 20-500 ms; the tail shows timeouts coming. */
    private static final Duration[] UPSTREAM_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    /** Client-side latency buckets: passthrough is sub-millisecond over linkgate's own work; the tail is the app's. */
    private static final Duration[] REQUEST_BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final Meter.MeterProvider<Counter> requests;
    private final Meter.MeterProvider<Counter> signals;
    private final ConcurrentHashMap<RequestLabels, RequestMeters> outcomes = new ConcurrentHashMap<>();
    private final LatencyFamily durations;
    /** Every signal and "other", filled at start: read-only after. */
    private final Map<String, Counter> signalCounters = new HashMap<>();
    private final RequestMeters passthrough;
    private final Meter.MeterProvider<Counter> continued;
    private final Meter.MeterProvider<Counter> duplicateClicks;
    private final Meter.MeterProvider<Counter> upstreamErrors;
    private final Map<String, Counter> continuedCounters = new HashMap<>();
    private final Map<String, Counter> duplicateCounters = new HashMap<>();
    private final Map<String, Counter> upstreamErrorCounters = new HashMap<>();
    private final LoopLatency upstreamDuration;
    private final AtomicLong activeConnections = new AtomicLong();
    private volatile LongSupplier ledgerSize = () -> 0;
    private volatile LongSupplier copiesDropped = () -> 0;
    private final Counter sessionCookiesRemoved;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final EdgeMetrics edge;
    private final PrometheusMeterRegistry registry;

    public GatewayMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        // Filters apply only to meters registered after them: first of all.
        registry.config().meterFilter(PromtoolNames.FILTER);
        requests = Counter.builder("linkgate.requests")
                .description("Requests by route (link, continue, passthrough), decision, reason and the status code"
                        + " sent to the client")
                .withRegistry(registry);
        signals = Counter.builder("linkgate.signals")
                .description("Detection evidence found on link requests, by reason code")
                .withRegistry(registry);
        continued = Counter.builder("linkgate.interstitial.continued")
                .description("Continue submissions from the interstitial, by result")
                .withRegistry(registry);
        duplicateClicks = Counter.builder("linkgate.duplicate.clicks")
                .description("Repeated clicks on a link, by kind")
                .withRegistry(registry);
        upstreamErrors = Counter.builder("linkgate.upstream.errors")
                .description("Upstream requests that failed, by type")
                .withRegistry(registry);
        // Both latency histograms are recorded per request by every event loop: see LoopLatency for why they
        // are not Micrometer Timers, and LatencyFamily for the exposition they keep.
        upstreamDuration = new LatencyFamily("linkgate_upstream_request_duration_seconds",
                "Time from sending a request upstream to its complete response", UPSTREAM_BUCKETS,
                registry.config().clock()).register(registry).series();
        durations = new LatencyFamily("linkgate_request_duration_seconds",
                "Time from a request's arrival to the last byte of its response handed to the client's"
                        + " connection, by route and decision", REQUEST_BUCKETS, registry.config().clock(),
                "route", "decision").register(registry);
        Gauge.builder("linkgate.active.connections", activeConnections, AtomicLong::get)
                .description("Open client connections")
                .register(registry);
        Gauge.builder("linkgate.ledger.links", this, m -> m.ledgerSize.getAsLong())
                .description("Links the click ledger tracks now")
                .register(registry);
        sessionCookiesRemoved = Counter.builder("linkgate.session.cookies.removed")
                .description("App session cookies left out of a link's first click or a continue")
                .register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("linkgate.response.copies.dropped", this,
                        m -> m.copiesDropped.getAsLong())
                .description("Response copies dropped, oldest first, to stay within store.max-copy-memory")
                .register(registry);
        BuildInfo build = BuildInfo.current();
        Gauge.builder("linkgate.build.info", () -> 1)
                .description("The running build: version and git revision")
                .tags("version", build.version(), "revision", build.revision())
                .register(registry);
        passthrough = outcome("passthrough", "pass", "none");
        startAtZero();

        edge = new EdgeMetrics(registry);
        new ProcessMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new NettyAllocatorMetrics(PooledByteBufAllocator.DEFAULT).bindTo(registry);
        if (ByteBufAllocator.DEFAULT != PooledByteBufAllocator.DEFAULT
                && ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider) {
            // Netty 4.2 may default to its adaptive allocator: show the one the gateway really uses too.
            new NettyAllocatorMetrics(provider).bindTo(registry);
        }
    }

    /**
     * The meters for one outcome: route is link, continue or passthrough; decision and reason are the policy's
     * codes. Resolved once per outcome (a bounded set) and cached; count with {@link RequestMeters#finished}.
     */
    public RequestMeters outcome(String route, String decision, String reason) {
        String why = reason == null ? "none" : reason;
        RequestMeters m = outcomes.get(new RequestLabels(route, decision, why));
        return m != null ? m : outcomes.computeIfAbsent(new RequestLabels(route, decision, why),
                k -> new RequestMeters(requests, k.route(), k.decision(), k.reason(), duration(k.route(), k.decision())));
    }

    /** A request on no link route: the busiest outcome, resolved once. */
    public RequestMeters passthrough() {
        return passthrough;
    }

    private LoopLatency duration(String route, String decision) {
        return durations.series(route, decision);
    }

    private record RequestLabels(String route, String decision, String reason) {
    }

    /** Every series whose labels are known before traffic, at 0. */
    private void startAtZero() {
        for (KnownLabels.Outcome o : KnownLabels.OUTCOMES) {
            outcome(o.route(), o.decision(), o.reason()).counter(o.code());
        }
        for (String signal : KnownLabels.SIGNALS) {
            signalCounters.put(signal, signals.withTags("signal", signal));
        }
        KnownLabels.CONTINUE_RESULTS.forEach(r -> continuedCounters.put(r, continued.withTags("result", r)));
        KnownLabels.DUPLICATE_KINDS.forEach(k -> duplicateCounters.put(k, duplicateClicks.withTags("kind", k)));
        KnownLabels.UPSTREAM_ERRORS.forEach(t -> upstreamErrorCounters.put(t, upstreamErrors.withTags("type", t)));
    }

    /** One increment per piece of evidence, labelled with its reason code; a code the detector does not list is "other". */
    public void signals(Classification c) {
        for (Evidence e : c.evidence()) {
            String signal = Detector.REASONS.contains(e.reason()) ? e.reason() : "other";
            signalCounters.get(signal).increment();
        }
    }

    public void continued(String result) {
        Counter c = continuedCounters.get(result);
        (c != null ? c : continued.withTags("result", result)).increment();
    }

    public void duplicateClick(String kind) {
        Counter c = duplicateCounters.get(kind);
        (c != null ? c : duplicateClicks.withTags("kind", kind)).increment();
    }

    public void upstreamDuration(long nanos) {
        upstreamDuration.record(nanos);
    }

    public void upstreamError(String type) {
        Counter c = upstreamErrorCounters.get(type);
        (c != null ? c : upstreamErrors.withTags("type", type)).increment();
    }

    public void connectionOpened() {
        activeConnections.incrementAndGet();
    }

    public void connectionClosed() {
        activeConnections.decrementAndGet();
    }

    /** The ledger whose size the gauge shows; a later call replaces an earlier one. */
    public void ledgerSize(LongSupplier size) {
        this.ledgerSize = size;
    }

    /** TLS handshake failures and protocol upgrades. */
    public EdgeMetrics edge() {
        return edge;
    }

    /** Session cookies removed from one forwarded request. */
    public void sessionCookiesRemoved(int n) {
        sessionCookiesRemoved.increment(n);
    }

    /** {@code linkgate_transport_info{transport}}: which kernel interface the event loops run on (set once). */
    public void transport(String name) {
        Gauge.builder("linkgate.transport.info", () -> 1)
                .description("The I/O transport the event loops run on (server.transport): io_uring, epoll or nio")
                .tags("transport", name)
                .register(registry);
    }

    /** The ledger whose dropped copies the counter shows. */
    public void copiesDropped(LongSupplier dropped) {
        this.copiesDropped = dropped;
    }

    /** Stops the GC binder's notification listeners. */
    @Override
    public void close() {
        gc.close();
    }
}
