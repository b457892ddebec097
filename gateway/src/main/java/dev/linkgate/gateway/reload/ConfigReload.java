package dev.linkgate.gateway.reload;

import dev.linkgate.core.config.ConfigException;
import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.ledger.ClickLedger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Re-reads the config file and the files it names (scanner lists, template, logo, secret-file) and hands the
 * gateway a new {@link LiveConfig} built around the same ledger. A file that does not load changes nothing: the
 * previous config keeps running, and one log line gives the error as {@code check-config} gives it. Keys that
 * need a restart ({@link RestartKeys}) keep their running values and are named in the log line.
 *
 * <p>Meters: {@code linkgate_config_reloads_total{result="success|failure"}} and
 * {@code linkgate_config_last_reload_success_timestamp_seconds} (the start counts as the first success).
 * One reload at a time: SIGHUP and {@code POST /reload} may arrive together.
 */
public final class ConfigReload {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigReload.class);

    private final Path file;
    private final Function<Path, LinkgateConfig> loader;
    private final ClickLedger ledger;
    private final Consumer<LiveConfig> apply;
    private final Clock clock;
    private final Counter successes;
    private final Counter failures;
    private final AtomicLong lastSuccessMillis;
    private LiveConfig running;

    /**
     * @param loader reads and validates a config file (throws as {@code check-config} reports)
     * @param apply  swaps the gateway's snapshot; runs on the reloading thread
     */
    public ConfigReload(Path file, Function<Path, LinkgateConfig> loader, LiveConfig initial, ClickLedger ledger,
                        Consumer<LiveConfig> apply, MeterRegistry registry, Clock clock) {
        this.file = file;
        this.loader = loader;
        this.running = initial;
        this.ledger = ledger;
        this.apply = apply;
        this.clock = clock;
        this.lastSuccessMillis = new AtomicLong(clock.millis());
        successes = reloads(registry, "success");
        failures = reloads(registry, "failure");
        Gauge.builder("linkgate.config.last.reload.success.timestamp", lastSuccessMillis, ms -> ms.get() / 1000.0)
                .description("When the config was last loaded successfully (at start or by a reload), since the"
                        + " Unix epoch")
                .baseUnit("seconds")
                .register(registry);
    }

    private static Counter reloads(MeterRegistry registry, String result) {
        return Counter.builder("linkgate.config.reloads")
                .description("Config reloads (SIGHUP or POST /reload) by result")
                .tag("result", result)
                .register(registry);
    }

    /** What a reload did: applied (with the restart keys the file changed) or failed (with the error). */
    public record Result(boolean applied, List<String> restartNeeded, String error) {
        /** One line for the log and for {@code POST /reload}'s answer. */
        public String describe(Path file) {
            if (!applied) {
                return "config reload failed, still running the previous config: " + error;
            }
            return "config reloaded from " + file + (restartNeeded.isEmpty() ? ""
                    : "; restart needed for " + String.join(", ", restartNeeded) + " (left as they were)");
        }
    }

    public synchronized Result reload() {
        Result result;
        try {
            LinkgateConfig loaded = loader.apply(file);
            RestartKeys.Kept kept = RestartKeys.keep(running.config(), loaded);
            LiveConfig next = running.next(kept.config(), ledger, clock);
            apply.accept(next);
            running = next;
            lastSuccessMillis.set(clock.millis());
            successes.increment();
            result = new Result(true, kept.changed(), null);
            LOG.info(result.describe(file));
        } catch (RuntimeException e) {
            failures.increment();
            result = new Result(false, List.of(), checkConfigMessage(e));
            LOG.error(result.describe(file));
        }
        return result;
    }

    public synchronized LiveConfig running() {
        return running;
    }

    public Path file() {
        return file;
    }

    /** The line {@code check-config} prints for the same problem (see Main). */
    static String checkConfigMessage(RuntimeException e) {
        if (e instanceof ConfigException || e instanceof dev.linkgate.core.detect.ScannerListException) {
            return e.getMessage();
        }
        if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException
                || e instanceof IllegalStateException) {
            return "linkgate: " + e.getMessage();
        }
        return "linkgate: " + e;
    }
}
