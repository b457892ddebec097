package dev.linkgate.gateway.admin;

import com.sun.management.UnixOperatingSystemMXBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process meters under the names every Prometheus client uses ({@code process_cpu_seconds_total},
 * {@code process_resident_memory_bytes}, {@code process_open_fds}, {@code process_max_fds},
 * {@code process_start_time_seconds}), so that stock dashboards and alerts work. Read at scrape time.
 */
final class ProcessMetrics implements MeterBinder {
    private static final Path STATUS = Path.of("/proc/self/status");

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("process.start.time", () -> ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0)
                .description("Start time of the process since the Unix epoch")
                .baseUnit("seconds")
                .register(registry);
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            FunctionCounter.builder("process.cpu", sun, b -> b.getProcessCpuTime() / 1e9)
                    .description("User and system CPU time the process has used")
                    .baseUnit("seconds")
                    .register(registry);
        }
        if (os instanceof UnixOperatingSystemMXBean unix) {
            Gauge.builder("process.open.fds", unix, UnixOperatingSystemMXBean::getOpenFileDescriptorCount)
                    .description("Open file descriptors")
                    .register(registry);
            Gauge.builder("process.max.fds", unix, UnixOperatingSystemMXBean::getMaxFileDescriptorCount)
                    .description("The most file descriptors the process may open")
                    .register(registry);
        }
        if (Files.isReadable(STATUS)) {
            Gauge.builder("process.resident.memory", ProcessMetrics::residentBytes)
                    .description("Resident memory size of the process")
                    .baseUnit("bytes")
                    .register(registry);
        }
    }

    /** VmRSS from /proc/self/status (Linux), in bytes; NaN when it cannot be read. */
    static double residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String kib = line.substring(6).trim();
                    int space = kib.indexOf(' ');
                    return Long.parseLong(space < 0 ? kib : kib.substring(0, space)) * 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
