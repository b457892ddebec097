package dev.linkgate.gateway.admin;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

import java.util.Map;

/**
 * Keeps the scrape within Prometheus' naming rules ({@code promtool check metrics}): Micrometer's binders
 * register a few meters that break them. {@code process.cpu.time} (nanoseconds, an abbreviated unit) is replaced
 * by {@link ProcessMetrics}' {@code process_cpu_seconds_total}; {@code system.cpu.count} (a gauge named like a
 * histogram's {@code _count}) is dropped; Netty's allocator meters come without help text and get it here.
 */
final class PromtoolNames {
    private PromtoolNames() {
    }

    private static final Map<String, String> NETTY_HELP = Map.of(
            "netty.allocator.memory.used", "Memory the Netty allocator holds, by allocator and memory type",
            "netty.allocator.memory.pinned", "Memory of the Netty allocator in use by buffers, by allocator and memory type",
            "netty.allocator.pooled.arenas", "Arenas of the pooled Netty allocator, by memory type",
            "netty.allocator.pooled.cache.size", "Cache sizes of the pooled Netty allocator, by cache type",
            "netty.allocator.pooled.chunk.size", "Chunk size of the pooled Netty allocator",
            "netty.allocator.pooled.threadlocal.caches", "Thread-local caches of the pooled Netty allocator");

    static final MeterFilter FILTER = new MeterFilter() {
        @Override
        public MeterFilterReply accept(Meter.Id id) {
            return id.getName().equals("process.cpu.time") || id.getName().equals("system.cpu.count")
                    ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
        }

        @Override
        public Meter.Id map(Meter.Id id) {
            if (id.getDescription() != null || !id.getName().startsWith("netty.allocator.")) {
                return id;
            }
            String help = NETTY_HELP.getOrDefault(id.getName(), "Netty allocator meter " + id.getName());
            return new Meter.Id(id.getName(), io.micrometer.core.instrument.Tags.of(id.getTagsAsIterable()),
                    id.getBaseUnit(), help, id.getType());
        }
    };
}
