package dev.linkgate.core.detect;

import static dev.linkgate.core.detect.TestData.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.linkgate.core.config.DetectionConfig;
import dev.linkgate.core.config.PolicyConfig;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped config/scanners/cloud-networks.txt as the detector uses it. */
class CloudNetworksTest {
    private static final Path CLOUD_FILE = TestData.projectDir().resolve("config/scanners/cloud-networks.txt");
    private static final Detector DETECTOR = detector();
    private static final ScannerNetworks NETWORKS = networks();

    /** The lists as built into the jar: what a default configuration loads. */
    private static Detector detector() {
        return Detector.load(DetectionConfig.defaults(), PolicyConfig.defaults());
    }

    private static ScannerNetworks networks() {
        try {
            return ScannerNetworks.load(TestData.networksFile(), List.of(), CLOUD_FILE);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCurrentChromeFromAzureOrAwsIsSuspectNeverBot() {
        for (String cloud : List.of("20.72.14.9", "3.80.17.200", "34.35.1.1", "129.80.3.4")) {
            Classification c = DETECTOR.classify(TestData.click(TestData.browserHeaders(TestData.CHROME_131,
                    "en-US,en;q=0.9"), address(cloud), TestData.NOV_2024));
            assertEquals(Verdict.SUSPECT, c.verdict(), cloud + ": " + c.evidence());
            assertTrue(c.reasons().contains("cloud_network"), cloud + ": " + c.reasons());
        }
    }

    @Test
    void theSameBrowserAtHomeStaysHuman() {
        Classification c = DETECTOR.classify(TestData.browserClick(TestData.CHROME_131, TestData.NOV_2024));
        assertEquals(Verdict.HUMAN, c.verdict(), c.evidence().toString());
    }

    @Test
    void eachProviderIsInTheList() {
        assertEquals("azure", NETWORKS.vendorOf(address("20.72.14.9")));
        assertEquals("aws", NETWORKS.vendorOf(address("3.80.17.200")));
        assertEquals("google-cloud", NETWORKS.vendorOf(address("34.35.1.1")));
        assertEquals("oracle-cloud", NETWORKS.vendorOf(address("129.80.3.4")));
        assertTrue(NETWORKS.cloudSize() > 5000, "cloud prefixes: " + NETWORKS.cloudSize());
    }

    @Test
    void aMailScannerNetworkInsideAzureStaysTheScannersOwn() {
        // Exchange Online Protection lies inside AzureCloud: the narrower, scanner claim must win.
        Evidence e = NETWORKS.check(address("40.92.3.4"));
        assertEquals("scanner_network", e.reason(), e.toString());
        assertEquals("microsoft-eop", NETWORKS.vendorOf(address("2a01:111:f400::1")));
    }

    @Test
    void applePrivateRelayAndCloudflareNeverMatchACloud() throws IOException {
        List<String> ranges = new ArrayList<>();
        for (String file : List.of("icloud-private-relay-ipv4.txt", "icloud-private-relay-ipv6.txt",
                "cloudflare-v4-ip-ranges.txt", "cloudflare-v6-ip-ranges.txt")) {
            ranges.addAll(resourceLines(file));
        }
        assertTrue(ranges.size() > 13_000, "the whole published lists: " + ranges.size());
        int checked = 0;
        for (String range : ranges) {
            NetworkPrefix p = NetworkPrefix.parse(range.split(",")[0].strip());
            for (InetAddress a : List.of(first(p), last(p), middle(p))) {
                Evidence e = DETECTOR.classify(TestData.click(TestData.browserHeaders(TestData.CHROME_131, "en"), a,
                        TestData.NOV_2024)).evidence().stream()
                        .filter(x -> x.reason().equals("cloud_network")).findFirst().orElse(null);
                if (e != null) {
                    fail(range + " (" + a.getHostAddress() + ") matches " + e.detail());
                }
                checked++;
            }
        }
        assertEquals(ranges.size() * 3, checked);
    }

    @Test
    void noCloudPrefixOverlapsARelayOrCloudflareRange() throws IOException {
        List<NetworkPrefix> people = new ArrayList<>();
        for (String file : List.of("icloud-private-relay-ipv4.txt", "icloud-private-relay-ipv6.txt",
                "cloudflare-v4-ip-ranges.txt", "cloudflare-v6-ip-ranges.txt")) {
            resourceLines(file).forEach(l -> people.add(NetworkPrefix.parse(l.split(",")[0].strip())));
        }
        List<ScannerNetworks.Entry> clouds = ScannerNetworks.parse(Files.readAllLines(CLOUD_FILE), CLOUD_FILE.toString());
        // Both sorted by first address: one merge pass finds any overlap (a relay range inside, around or across).
        List<BigInteger[]> a = intervals(clouds.stream().map(ScannerNetworks.Entry::network).toList());
        List<BigInteger[]> b = intervals(people);
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            BigInteger[] x = a.get(i);
            BigInteger[] y = b.get(j);
            if (x[1].compareTo(y[0]) >= 0 && y[1].compareTo(x[0]) >= 0) {
                fail("a cloud prefix overlaps a relay/Cloudflare range: " + x[0].toString(16) + " - " + y[0].toString(16));
            }
            if (x[1].compareTo(y[1]) < 0) {
                i++;
            } else {
                j++;
            }
        }
        assertNotEquals(0, a.size());
    }

    /** Intervals in one space: IPv4 mapped to ::ffff:0:0/96, so a single sort orders both families. */
    private static List<BigInteger[]> intervals(List<NetworkPrefix> prefixes) {
        List<BigInteger[]> out = new ArrayList<>();
        BigInteger mapped = BigInteger.valueOf(0xffffL).shiftLeft(32);
        for (NetworkPrefix p : prefixes) {
            int bits = p.address().length * 8;
            BigInteger first = new BigInteger(1, p.address());
            BigInteger last = first.add(BigInteger.ONE.shiftLeft(bits - p.prefixLength())).subtract(BigInteger.ONE);
            if (bits == 32) {
                first = first.add(mapped);
                last = last.add(mapped);
            }
            out.add(new BigInteger[] {first, last});
        }
        out.sort((x, y) -> x[0].compareTo(y[0]));
        return out;
    }

    private static InetAddress first(NetworkPrefix p) {
        return at(p, BigInteger.ZERO);
    }

    private static InetAddress last(NetworkPrefix p) {
        int bits = p.address().length * 8;
        return at(p, BigInteger.ONE.shiftLeft(bits - p.prefixLength()).subtract(BigInteger.ONE));
    }

    private static InetAddress middle(NetworkPrefix p) {
        int bits = p.address().length * 8;
        return at(p, BigInteger.ONE.shiftLeft(bits - p.prefixLength()).shiftRight(1));
    }

    private static InetAddress at(NetworkPrefix p, BigInteger offset) {
        byte[] raw = new BigInteger(1, p.address()).add(offset).toByteArray();
        byte[] bytes = new byte[p.address().length];
        int n = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - n, bytes, bytes.length - n, n);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> resourceLines(String file) throws IOException {
        try (InputStream in = CloudNetworksTest.class.getResourceAsStream("/networks/" + file)) {
            if (in == null) {
                return fail("test resource networks/" + file + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }
}
