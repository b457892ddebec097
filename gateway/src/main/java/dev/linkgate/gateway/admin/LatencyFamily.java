package dev.linkgate.gateway.admin;

import io.micrometer.core.instrument.Clock;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A latency histogram family in the scrape, exposed exactly as a Micrometer {@code Timer} with service level
 * objectives was (same name, help, labels, buckets, {@code _count}, {@code _sum}, {@code _max}), but recorded
 * through {@link LoopLatency}: per-thread cells instead of atomics shared by the event loops.
 */
public final class LatencyFamily implements MultiCollector {
    private final MetricMetadata histogram;
    private final MetricMetadata max;
    private final String[] labelNames;
    private final Duration[] bounds;
    private final Clock clock;
    private final ConcurrentHashMap<Labels, LoopLatency> series = new ConcurrentHashMap<>();

    /**
     * @param name the Prometheus name, with its unit: {@code linkgate_request_duration_seconds}
     * @param help the HELP text of the histogram and of its {@code _max}
     */
    LatencyFamily(String name, String help, Duration[] bounds, Clock clock, String... labelNames) {
        this.histogram = new MetricMetadata(name, help);
        this.max = new MetricMetadata(name + "_max", help);
        this.bounds = bounds.clone();
        this.clock = clock;
        this.labelNames = labelNames.clone();
    }

    /** Registers the family in the registry's scrape. */
    LatencyFamily register(PrometheusMeterRegistry registry) {
        registry.getPrometheusRegistry().register(this);
        return this;
    }

    /** The series for these label values (in the order of the label names), created at 0 on first use. */
    public LoopLatency series(String... labelValues) {
        Labels labels = Labels.of(labelNames, labelValues);
        LoopLatency s = series.get(labels);
        return s != null ? s : series.computeIfAbsent(labels, l -> new LoopLatency(l, bounds));
    }

    @Override
    public MetricSnapshots collect() {
        if (series.isEmpty()) {
            return MetricSnapshots.of(); // as a Timer not registered yet: no family at all
        }
        List<HistogramSnapshot.HistogramDataPointSnapshot> points = new ArrayList<>();
        List<GaugeSnapshot.GaugeDataPointSnapshot> maxima = new ArrayList<>();
        for (LoopLatency s : series.values()) {
            points.add(s.histogram());
            maxima.add(s.max(clock::wallTime));
        }
        return MetricSnapshots.of(new HistogramSnapshot(histogram, points), new GaugeSnapshot(max, maxima));
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of(histogram.getPrometheusName(), max.getPrometheusName());
    }
}
