package dev.linkgate.gateway.admin;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyFamilyTest {
    private static final Duration[] BOUNDS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(250),
            Duration.ofSeconds(1), Duration.ofMillis(2500)};
    private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final MockClock clock = new MockClock();
    private final PrometheusMeterRegistry micrometer =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), clock);
    private final PrometheusMeterRegistry ours =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), clock);

    @AfterEach
    void close() {
        micrometer.close();
        ours.close();
    }

    @Test
    void theScrapeIsWhatTheMicrometerTimerItReplacesWrote() {
        LatencyFamily family = new LatencyFamily("linkgate_request_duration_seconds", "Arrival to last byte",
                BOUNDS, clock, "route", "decision").register(ours);
        long[] samples = {0, 999_999, 1_000_000, 1_000_001, 4_200_000, 250_000_000, 999_999_999, 2_500_000_000L,
                61_000_000_000L, -5, 7_123_457};
        for (String[] labels : new String[][] {{"passthrough", "pass"}, {"link", "interstitial"}}) {
            Timer timer = Timer.builder("linkgate.request.duration").description("Arrival to last byte")
                    .tags("route", labels[0], "decision", labels[1]).serviceLevelObjectives(BOUNDS)
                    .register(micrometer);
            LoopLatency series = family.series(labels);
            for (long nanos : samples) {
                timer.record(nanos, TimeUnit.NANOSECONDS);
                series.record(nanos);
            }
        }
        family.series("continue", "accepted"); // a series known at start, at 0, as a Timer registered unused
        Timer.builder("linkgate.request.duration").description("Arrival to last byte")
                .tags("route", "continue", "decision", "accepted").serviceLevelObjectives(BOUNDS).register(micrometer);

        assertEquals(micrometer.scrape(), ours.scrape());
        assertEquals(micrometer.scrape(OPENMETRICS), ours.scrape(OPENMETRICS));
        assertTrue(ours.scrape().contains("linkgate_request_duration_seconds_bucket{decision=\"pass\",route=\"passthrough\","
                + "le=\"0.001\"} 3\n"), ours::scrape);
    }

    @Test
    void aFamilyWithNoSeriesIsNotInTheScrapeAndOneWithoutLabelsIs() {
        new LatencyFamily("linkgate_request_duration_seconds", "x", BOUNDS, clock, "route").register(ours);
        assertEquals("", ours.scrape());

        new LatencyFamily("linkgate_upstream_request_duration_seconds", "y", BOUNDS, clock).register(ours)
                .series().record(42_000_000L);
        assertTrue(ours.scrape().contains("linkgate_upstream_request_duration_seconds_bucket{le=\"0.25\"} 1\n"));
        assertTrue(ours.scrape().contains("linkgate_upstream_request_duration_seconds_max 0.042\n"));
    }

    @Test
    void eachThreadRecordsIntoItsOwnCellAndTheScrapeAddsThemUp() throws Exception {
        LoopLatency series = new LatencyFamily("linkgate_request_duration_seconds", "x", BOUNDS, clock)
                .register(ours).series();
        int threads = 4;
        int each = 20_000;
        List<Thread> loops = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long nanos = (t + 1) * 1_000_000L; // 1, 2, 3, 4 ms
            loops.add(new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    series.record(nanos);
                }
            }));
        }
        loops.forEach(Thread::start);
        ours.scrape(); // a scrape racing the loops reads partial sums, never breaks them
        for (Thread t : loops) {
            t.join();
        }

        String scrape = ours.scrape();
        assertTrue(scrape.contains("linkgate_request_duration_seconds_count " + threads * each + "\n"), scrape);
        assertTrue(scrape.contains("linkgate_request_duration_seconds_bucket{le=\"0.001\"} " + each + "\n"), scrape);
        assertTrue(scrape.contains("linkgate_request_duration_seconds_bucket{le=\"0.005\"} " + threads * each + "\n"),
                scrape);
        assertTrue(scrape.contains("linkgate_request_duration_seconds_sum 200.0\n"), scrape);
        assertTrue(scrape.contains("linkgate_request_duration_seconds_max 0.004\n"), scrape);
    }

    @Test
    void theMaxIsTheLargestSampleOfTheLastTwoMinutes() {
        LoopLatency series = new LatencyFamily("d_seconds", "x", BOUNDS, clock).register(ours).series();
        series.record(5_000_000_000L);
        assertEquals(5_000_000_000L, series.maxNanos(clock.wallTime()));

        clock.add(Duration.ofSeconds(50));
        series.record(1_000_000_000L);
        assertEquals(5_000_000_000L, series.maxNanos(clock.wallTime()), "the 5 s sample is 50 s old");

        clock.add(Duration.ofSeconds(70));
        assertEquals(1_000_000_000L, series.maxNanos(clock.wallTime()), "the 5 s sample left the window");

        clock.add(Duration.ofMinutes(2));
        assertEquals(0, series.maxNanos(clock.wallTime()), "nothing in the last two minutes");
        series.record(3_000_000L);
        assertEquals(3_000_000L, series.maxNanos(clock.wallTime()));
    }
}
