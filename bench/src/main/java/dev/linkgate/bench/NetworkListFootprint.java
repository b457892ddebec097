package dev.linkgate.bench;

import dev.linkgate.core.detect.ScannerNetworks;

import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.List;

/**
 * Retained heap of the loaded network lists: the scanner networks alone, then with the cloud networks, as the
 * detector holds them (one trie per address family over both lists). Prints the prefix counts and bytes.
 *
 * <p>Run: {@code java -XX:+UseParallelGC -cp bench/target/benchmarks.jar dev.linkgate.bench.NetworkListFootprint}
 */
public final class NetworkListFootprint {
    private NetworkListFootprint() {
    }

    public static void main(String[] args) throws Exception {
        Path scanners = ShippedDetector.projectDir().resolve("config/scanners");
        long base = LedgerFootprint.usedAfterGc();
        ScannerNetworks vendors = ScannerNetworks.load(scanners.resolve("networks.txt"), List.of());
        long withVendors = LedgerFootprint.usedAfterGc();
        ScannerNetworks both = ScannerNetworks.load(scanners.resolve("networks.txt"), List.of(),
                scanners.resolve("cloud-networks.txt"));
        long withBoth = LedgerFootprint.usedAfterGc();
        Reference.reachabilityFence(vendors);
        Reference.reachabilityFence(both);
        System.out.printf("scanner networks: %,d prefixes, %,d bytes%n", vendors.size(), withVendors - base);
        System.out.printf("scanner + cloud networks: %,d prefixes (%,d cloud, %,d left to a scanner network),"
                        + " %,d bytes%n", both.size(), both.cloudSize(), both.size() - vendors.size() - both.cloudSize(),
                withBoth - withVendors);
        System.out.printf("LIST_BYTES %,d%n", withBoth - withVendors);
    }
}
