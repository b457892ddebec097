package dev.linkgate.bench;

import dev.linkgate.core.config.StoreConfig;
import dev.linkgate.core.ledger.BrowserId;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.InMemoryClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.core.ledger.Visit;
import dev.linkgate.core.request.LinkId;

import javax.management.ObjectName;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.ref.Reference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Retained heap of the in-memory ledger with 1,000,000 links, each used as in production: a scanner's visit
 * from another network, then a person's first click claimed and completed with the copy of its response.
 * Links arrive one per millisecond on a simulated clock, so response copies age out as they would. Resume is on
 * as shipped (a 10-minute window, copies within the default 64 MiB budget), each link owned by its browser;
 * {@code 0} as the second argument runs it with resume off (copies for the double-click window only).
 * Prints the bytes per link (used heap after repeated full GCs, before and after) and where they go (the live
 * class histogram's growth). Goal: at most 200 bytes per link.
 *
 * <p>Run: {@code java -Xmx2g -XX:+UseParallelGC -cp bench/target/benchmarks.jar dev.linkgate.bench.LedgerFootprint [links] [resume-minutes]}
 */
public final class LedgerFootprint {
    private static final long HUMAN_NET = 0x4_00CB_0071L;
    private static final long SCANNER_NET = 0x4_0028_5C12L;

    private LedgerFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int links = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Duration resume = Duration.ofMinutes(args.length > 1 ? Long.parseLong(args[1]) : 10);
        SteppingClock clock = new SteppingClock(Instant.parse("2026-11-27T10:00:00Z"));

        Map<String, long[]> before = histogram();
        long usedBefore = usedAfterGc();

        InMemoryClickLedger ledger = new InMemoryClickLedger(new LedgerSettings(Duration.ofHours(72), links,
                Duration.ofSeconds(2), Duration.ofSeconds(2), resume, StoreConfig.defaults().maxCopyMemory().bytes()),
                clock);
        fill(ledger, links, clock);

        long usedAfter = usedAfterGc();
        Map<String, long[]> after = histogram();
        long size = ledger.size();
        Reference.reachabilityFence(ledger);

        double perLink = (double) (usedAfter - usedBefore) / size;
        System.out.printf("links tracked: %,d%n", size);
        System.out.printf("retained heap: %,d bytes (used after GC %,d -> %,d)%n", usedAfter - usedBefore, usedBefore, usedAfter);
        System.out.println("where the bytes go (live histogram growth, per link):");
        printGrowth(before, after, size);
        System.out.printf("resume window %s, copies dropped to stay within the budget: %,d%n", resume,
                ledger.copiesDropped());
        System.out.printf("BYTES_PER_LINK %.1f (goal <= 200)%n", perLink);
    }

    static void fill(ClickLedger ledger, int links, SteppingClock clock) {
        UniqueLinks ids = new UniqueLinks(2026);
        for (int i = 0; i < links; i++) {
            clock.step(1);
            LinkId link = ids.nextId();
            long person = 0x7E57_0000_0000L + i;
            ledger.visit(new Visit(link, 0x5CA7L, SCANNER_NET, false, false));
            ledger.visit(new Visit(link, person, HUMAN_NET, true, true));
            ledger.complete(link, person, responseFor(i), new BrowserId(person, ~person));
        }
    }

    /** Every first click gets its own session: a fresh redirect with its own cookie, as the gateway copies it. */
    private static SharedResponse responseFor(int i) {
        String doc = Integer.toHexString(i * 0x9E3779B1);
        return new SharedResponse(302, List.of(
                Map.entry("Location", "/documents/" + doc + "-5d4a-4e0b-9d7e-3a6b2c1f0e9d/sign?session=fresh"),
                Map.entry("Set-Cookie", "sid=" + doc + "8a1c9e7b6a5d3c2b1a0f9e8d7c6b; Path=/; HttpOnly; Secure; SameSite=Lax"),
                Map.entry("Content-Length", "0")), new byte[0]);
    }

    /**
     * Heap in use right after a full collection, read from each heap pool's collection usage (what the pool held
     * when that collection ended): a plain heap reading would also count the fresh allocation buffer this thread
     * takes for its next allocation, which after a million-link fill is megabytes. The least of five.
     */
    private static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            fullGc();
            long pools = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage after = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
                pools += after == null ? 0 : after.getUsed();
            }
            used = Math.min(used, pools);
        }
        return used;
    }

    /**
     * One collection, waited for by its count rather than a fixed pause: System.gc() returns once it is done
     * with the Parallel and G1 defaults, and with a collector that runs it concurrently the count moves when
     * it ends.
     */
    private static void fullGc() {
        long before = collections();
        System.gc();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (collections() == before) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("System.gc() ran no collection within 10 s (-XX:+DisableExplicitGC?)");
            }
            Thread.onSpinWait();
        }
    }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    /** The live class histogram (what {@code jcmd PID GC.class_histogram} prints): class -> {instances, bytes}. */
    private static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return classes;
    }

    private static void printGrowth(Map<String, long[]> before, Map<String, long[]> after, long links) {
        List<Map.Entry<String, long[]>> grown = new ArrayList<>();
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] was = before.getOrDefault(e.getKey(), new long[2]);
            grown.add(Map.entry(e.getKey(), new long[] {e.getValue()[0] - was[0], e.getValue()[1] - was[1]}));
        }
        grown.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        for (Map.Entry<String, long[]> e : grown.subList(0, Math.min(10, grown.size()))) {
            if (e.getValue()[1] < links) {
                break; // under a byte per link
            }
            System.out.printf("  %7.1f B  %,12d instances  %s%n", (double) e.getValue()[1] / links, e.getValue()[0], e.getKey());
        }
    }

    /** A clock the fill moves forward, so a million links span a realistic stretch of time. */
    static final class SteppingClock extends Clock {
        private long millis;

        SteppingClock(Instant start) {
            this.millis = start.toEpochMilli();
        }

        void step(long ms) {
            millis += ms;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
