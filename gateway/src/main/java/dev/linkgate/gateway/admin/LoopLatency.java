package dev.linkgate.gateway.admin;

import io.netty.util.concurrent.FastThreadLocal;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * One latency histogram series (fixed buckets, count, sum, and the max of the last two minutes), recorded on the
 * hot path with no write shared between event loops: each thread that records has its own cell, and a scrape
 * adds the cells up.
 *
 * <p>Why not a Micrometer {@code Timer}: both event loops recorded every request into the same atomics (the
 * bucket array, the sum) and into {@code TimeWindowMax}, which reads the wall clock and three shared atomics
 * per sample; in the passthrough profile that was ~6% of the CPU samples. A cell here is written by its thread
 * only (plain stores with release semantics, no compare-and-set), so a record stays in that core's cache.
 *
 * <p>The exposition is the Timer's ({@link LatencyFamily} writes it): buckets counting samples at or under each
 * bound, {@code +Inf}, {@code _count}, {@code _sum} in seconds, and {@code _max}. What differs: {@code _max}
 * folds the cells' maxima into its two-minute window when a scrape reads them, so a sample counts from the
 * first scrape after it rather than from its own time, and a sample recorded while a scrape clears a cell's
 * maximum can be missed by the maximum (never by the buckets, count or sum).
 */
public final class LoopLatency {
    /** As Micrometer's default for a Timer's max: two minutes, in three steps. */
    static final long MAX_WINDOW_STEP_MILLIS = Duration.ofMinutes(2).toMillis() / 3;

    private final Labels labels;
    private final long[] boundsNanos;
    private final double[] boundsSeconds;
    private final Queue<AtomicLongArray> cells = new ConcurrentLinkedQueue<>();
    private final FastThreadLocal<AtomicLongArray> mine = new FastThreadLocal<>() {
        @Override
        protected AtomicLongArray initialValue() {
            AtomicLongArray cell = new AtomicLongArray(boundsNanos.length + 3);
            cells.add(cell);
            return cell;
        }
    };
    /** The window's maxima, one per step, and the step each belongs to; guarded by this. */
    private final long[] windowMax = new long[3];
    private final long[] windowStep = {-1, -1, -1};

    LoopLatency(Labels labels, Duration[] bounds) {
        this.labels = labels;
        this.boundsNanos = new long[bounds.length];
        this.boundsSeconds = new double[bounds.length + 1];
        for (int i = 0; i < bounds.length; i++) {
            boundsNanos[i] = bounds[i].toNanos();
            boundsSeconds[i] = boundsNanos[i] / 1e9;
        }
        boundsSeconds[bounds.length] = Double.POSITIVE_INFINITY;
    }

    /** One sample; negative ones are ignored, as a Timer ignores them. */
    public void record(long nanos) {
        if (nanos < 0) {
            return;
        }
        AtomicLongArray cell = mine.get(); // buckets (the last past every bound), sum, max
        int n = boundsNanos.length;
        int bucket = 0;
        while (bucket < n && nanos > boundsNanos[bucket]) {
            bucket++;
        }
        // Only this thread writes its cell: a read and a release store, no compare-and-set.
        cell.lazySet(bucket, cell.get(bucket) + 1);
        cell.lazySet(n + 1, cell.get(n + 1) + nanos);
        if (nanos > cell.get(n + 2)) {
            cell.lazySet(n + 2, nanos);
        }
    }

    /** The series as the Timer exposed it: the histogram's data point. */
    HistogramSnapshot.HistogramDataPointSnapshot histogram() {
        int n = boundsNanos.length;
        long[] counts = new long[n + 1]; // per bucket, not cumulative: the snapshot adds them up
        long sum = 0;
        for (AtomicLongArray cell : cells) {
            for (int i = 0; i <= n; i++) {
                counts[i] += cell.get(i);
            }
            sum += cell.get(n + 1);
        }
        return HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(boundsSeconds, counts))
                .sum(sum / 1e9)
                .labels(labels)
                .build();
    }

    /** The {@code _max} data point: the largest sample of the last two minutes, in seconds. */
    GaugeSnapshot.GaugeDataPointSnapshot max(LongSupplier wallMillis) {
        return GaugeSnapshot.GaugeDataPointSnapshot.builder().value(maxNanos(wallMillis.getAsLong()) / 1e9)
                .labels(labels).build();
    }

    synchronized long maxNanos(long nowMillis) {
        long step = nowMillis / MAX_WINDOW_STEP_MILLIS;
        int slot = (int) (step % windowMax.length);
        if (windowStep[slot] != step) {
            windowStep[slot] = step;
            windowMax[slot] = 0;
        }
        int maxIndex = boundsNanos.length + 2;
        for (AtomicLongArray cell : cells) {
            windowMax[slot] = Math.max(windowMax[slot], cell.getAndSet(maxIndex, 0));
        }
        long max = 0;
        for (int i = 0; i < windowMax.length; i++) {
            if (windowStep[i] > step - windowMax.length) {
                max = Math.max(max, windowMax[i]);
            }
        }
        return max;
    }
}
