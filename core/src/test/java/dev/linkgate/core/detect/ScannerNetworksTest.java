package dev.linkgate.core.detect;

import static dev.linkgate.core.detect.TestData.address;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerNetworksTest {
    private static final ScannerNetworks SHIPPED = shipped();

    private static ScannerNetworks shipped() {
        try {
            return ScannerNetworks.load(TestData.networksFile(), List.of());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ScannerNetworks networks(String... lines) {
        return new ScannerNetworks(ScannerNetworks.parse(List.of(lines), "test"));
    }

    @Test
    void exchangeOnlineProtectionIsAScannerNetwork() {
        Evidence e = SHIPPED.check(address("40.107.22.51"));
        assertEquals(Weight.SUSPECT, e.weight());
        assertEquals("scanner_network", e.reason());
        assertEquals("network", e.signal());
        assertEquals("microsoft-eop 40.107.0.0/16", e.detail());
        assertEquals("microsoft-eop", SHIPPED.vendorOf(address("104.47.1.254")));
        assertEquals("microsoft-eop", SHIPPED.vendorOf(address("52.103.255.255")));
    }

    @Test
    void theShippedListCoversTheMailSecurityVendors() {
        assertEquals("mimecast", SHIPPED.vendorOf(address("205.139.110.10")));
        assertEquals("proofpoint", SHIPPED.vendorOf(address("148.163.140.1")));
        assertEquals("barracuda", SHIPPED.vendorOf(address("209.222.82.100")));
        assertEquals("google", SHIPPED.vendorOf(address("66.249.84.1")));
    }

    @Test
    void ipv6ScannerNetworksAreFound() {
        assertEquals("microsoft-eop", SHIPPED.vendorOf(address("2a01:111:f400:fe1e::3")));
        assertEquals("microsoft-eop", SHIPPED.vendorOf(address("2a01:111:f403:c201::1")));
        assertNull(SHIPPED.vendorOf(address("2a01:111:f402::1")));
    }

    @Test
    void anIpv4MappedIpv6AddressCountsAsIpv4() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 40;
        mapped[13] = 92;
        mapped[14] = 7;
        mapped[15] = 9;
        InetAddress v6 = Inet6Address.getByAddress(null, mapped, -1);
        assertTrue(v6 instanceof Inet6Address);
        assertEquals("microsoft-eop", SHIPPED.vendorOf(v6));
    }

    @Test
    void homesAreNotScannerNetworks() {
        assertNull(SHIPPED.check(TestData.HOME));
        assertNull(SHIPPED.check(address("40.94.0.1")));
        assertNull(SHIPPED.check(address("2001:db8::1")));
    }

    @Test
    void theLongestPrefixWins() {
        ScannerNetworks n = networks("wide 10.0.0.0/8", "narrow 10.1.2.0/24  # inside wide", "host 10.1.2.3");
        assertEquals("wide", n.vendorOf(address("10.9.9.9")));
        assertEquals("narrow", n.vendorOf(address("10.1.2.4")));
        assertEquals("host", n.vendorOf(address("10.1.2.3")));
        assertNull(n.vendorOf(address("11.0.0.1")));
    }

    @Test
    void aZeroPrefixHoldsEveryAddressOfItsFamily() {
        ScannerNetworks n = networks("everything 0.0.0.0/0");
        assertEquals("everything", n.vendorOf(address("198.51.100.1")));
        assertNull(n.vendorOf(address("2001:db8::1")));
    }

    @Test
    void mappedNetworksInAListBecomeIpv4() {
        NetworkPrefix p = NetworkPrefix.parse("::ffff:192.0.2.0/120");
        assertArrayEquals(new byte[] {(byte) 192, 0, 2, 0}, p.address());
        assertEquals(24, p.prefixLength());
    }

    @Test
    void badLinesAreReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.txt");
        Files.writeString(file, "# mine\nacme 192.0.2.0/24\nacme 192.0.2.1/24\n");
        ScannerListException e = assertThrows(ScannerListException.class,
                () -> ScannerNetworks.load(TestData.networksFile(), List.of(file)));
        assertEquals(3, e.line());
        assertEquals(file + ":3: host bits are set in '192.0.2.1/24' (prefix /24)", e.getMessage());
    }

    @Test
    void malformedNetworksAreRejected() {
        for (String line : new String[] {"acme", "acme 10.0.0.0/8 extra", "acme 10.0.0/8", "acme 300.0.0.0/8",
                "acme 10.0.0.0/33", "acme 2001:db8::/129", "acme example.com", "acme 2001:db8::g/32",
                "ac me 10.0.0.0/8", "acme 10.0.0.0/", "ac/me 10.0.0.0/8"}) {
            ScannerListException e = assertThrows(ScannerListException.class,
                    () -> ScannerNetworks.parse(List.of(line), "x"), line);
            assertTrue(e.getMessage().startsWith("x:1: "), e.getMessage());
        }
    }

    @Test
    void operatorsAddTheirOwnLists(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ours.txt");
        Files.writeString(file, "our-sandbox 198.51.100.0/24\n");
        ScannerNetworks n = ScannerNetworks.load(TestData.networksFile(), List.of(file));
        assertEquals("our-sandbox", n.vendorOf(address("198.51.100.77")));
        assertEquals("microsoft-eop", n.vendorOf(address("40.92.1.1")));
        assertEquals(SHIPPED.size() + 1, n.size());
    }
}
