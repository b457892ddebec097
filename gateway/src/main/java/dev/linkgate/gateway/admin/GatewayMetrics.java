package dev.linkgate.gateway.admin;

import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.detect.Detector;
import dev.linkgate.core.detect.Evidence;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * linkgate's meters, named as Prometheus shows them (Micrometer adds {@code _total} to counters and
 * {@code _seconds} to timers). Every label value comes from a bounded set: routes, decisions, reason codes,
 * evidence reasons, error types; never request data. Also binds the JVM and Netty allocator meters.
 */
public final class GatewayMetrics implements AutoCloseable {
    /** Upstream latency buckets: a signing page is usually 20-500 ms; the tail shows timeouts coming. */
    private static final Duration[] UPSTREAM_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final Meter.MeterProvider<Counter> requests;
    private final Meter.MeterProvider<Counter> signals;
    private final java.util.concurrent.ConcurrentHashMap<RequestLabels, Counter> requestCounters =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, Counter> signalCounters =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Counter passthrough;
    private final Meter.MeterProvider<Counter> continued;
    private final Meter.MeterProvider<Counter> duplicateClicks;
    private final Meter.MeterProvider<Counter> upstreamErrors;
    private final Timer upstreamDuration;
    private final AtomicLong activeConnections = new AtomicLong();
    private volatile LongSupplier ledgerSize = () -> 0;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final EdgeMetrics edge;

    public GatewayMetrics(PrometheusMeterRegistry registry) {
        requests = Counter.builder("linkgate.requests")
                .description("Requests by route (link, continue, passthrough), decision and reason")
                .withRegistry(registry);
        passthrough = requests.withTags("route", "passthrough", "decision", "pass", "reason", "none");
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
        upstreamDuration = Timer.builder("linkgate.upstream.request.duration")
                .description("Time from sending a request upstream to its complete response")
                .serviceLevelObjectives(UPSTREAM_BUCKETS)
                .register(registry);
        Gauge.builder("linkgate.active.connections", activeConnections, AtomicLong::get)
                .description("Open client connections")
                .register(registry);
        Gauge.builder("linkgate.ledger.links", this, m -> m.ledgerSize.getAsLong())
                .description("Links the click ledger tracks now")
                .register(registry);

        edge = new EdgeMetrics(registry);
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

    /** One request: route is link, continue or passthrough; decision and reason are the policy's codes. */
    public void request(String route, String decision, String reason) {
        String why = reason == null ? "none" : reason;
        // Label values are bounded sets, so the cache is too; it spares the tag building and registry lookup.
        requestCounters.computeIfAbsent(new RequestLabels(route, decision, why),
                k -> requests.withTags("route", k.route(), "decision", k.decision(), "reason", k.reason())).increment();
    }

    /** One request on no link route: the busiest counter, resolved once. */
    public void passthrough() {
        passthrough.increment();
    }

    private record RequestLabels(String route, String decision, String reason) {
    }

    /** One increment per piece of evidence, labelled with its reason code; a code the detector does not list is "other". */
    public void signals(Classification c) {
        for (Evidence e : c.evidence()) {
            String signal = Detector.REASONS.contains(e.reason()) ? e.reason() : "other";
            signalCounters.computeIfAbsent(signal, k -> signals.withTags("signal", k)).increment();
        }
    }

    public void continued(String result) {
        continued.withTags("result", result).increment();
    }

    public void duplicateClick(String kind) {
        duplicateClicks.withTags("kind", kind).increment();
    }

    public void upstreamDuration(long nanos) {
        upstreamDuration.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void upstreamError(String type) {
        upstreamErrors.withTags("type", type).increment();
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

    /** Stops the GC binder's notification listeners. */
    @Override
    public void close() {
        gc.close();
    }
}
