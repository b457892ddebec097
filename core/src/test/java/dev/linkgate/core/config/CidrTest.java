package dev.linkgate.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @Test
    void anIpv4NetworkContainsItsAddressesOnly() {
        Cidr loopback = Cidr.parse("127.0.0.0/8");
        assertTrue(loopback.contains(ip("127.0.0.1")));
        assertTrue(loopback.contains(ip("127.255.255.255")));
        assertFalse(loopback.contains(ip("128.0.0.1")));
        assertFalse(loopback.contains(ip("::1")));
    }

    @Test
    void prefixesNeedNotFallOnByteBoundaries() {
        Cidr net = Cidr.parse("192.168.4.0/22");
        assertTrue(net.contains(ip("192.168.7.255")));
        assertFalse(net.contains(ip("192.168.8.0")));
        assertFalse(net.contains(ip("192.168.3.255")));
    }

    @Test
    void anIpv6NetworkContainsItsAddressesOnly() {
        Cidr net = Cidr.parse("2a01:111:f400::/48");
        assertTrue(net.contains(ip("2a01:111:f400:1::5")));
        assertFalse(net.contains(ip("2a01:111:f401::1")));
        assertFalse(net.contains(ip("10.0.0.1")));
    }

    @Test
    void aBareAddressIsASingleHost() {
        assertEquals(32, Cidr.parse("10.1.2.3").prefixLength());
        assertEquals(128, Cidr.parse("::1").prefixLength());
        assertTrue(Cidr.parse("::1").contains(ip("::1")));
        assertFalse(Cidr.parse("::1").contains(ip("::2")));
    }

    @Test
    void hostBitsAreRejectedWithTheNetworkTheyBelongTo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.1/8"));
        assertEquals("\"10.0.0.1/8\" has host bits set: the network is 10.0.0.0/8, or write a longer prefix",
                e.getMessage());
        assertEquals("\"2001:db8::1/32\" has host bits set: the network is 2001:db8:0:0:0:0:0:0/32, or write a longer"
                + " prefix", assertThrows(IllegalArgumentException.class, () -> Cidr.parse("2001:db8::1/32")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("::ffff:10.0.0.1/104"));
        assertEquals("10.0.0.1/32", Cidr.parse("10.0.0.1").toString(), "a bare address has no host bits");
    }

    @Test
    void theConstructorClearsHostBitsOfAComputedNetwork() {
        Cidr net = new Cidr(ip("10.1.2.3"), 8);
        assertEquals(ip("10.0.0.0"), net.network());
        assertEquals("10.0.0.0/8", net.toString());
    }

    @Test
    void anIpv4MappedClientAddressMatchesItsIpv4Network() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 9, 8, 7};
        InetAddress client = Inet6Address.getByAddress(null, mapped, -1);
        assertTrue(Cidr.parse("10.0.0.0/8").contains(client));
        assertFalse(Cidr.parse("11.0.0.0/8").contains(client));
    }

    @Test
    void anIpv4MappedNetworkIsTheIpv4NetworkItMaps() {
        Cidr net = Cidr.parse("::ffff:10.0.0.0/104");
        assertEquals(Cidr.parse("10.0.0.0/8"), net);
        assertTrue(net.isIpv4());
        assertFalse(Cidr.parse("::/80").isIpv4(), "a prefix shorter than the mapping stays IPv6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.0/33", "::/129", "10.0.0/8", "256.0.0.0/8", "10.0.0.0/", "10.0.0.0/-1",
            "localhost", "example.com/24", "fe80::1%eth0", "1::2::3", "10.0.0.0/8/8", ".::1"})
    void anythingButALiteralNetworkIsRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));
        assertEquals("\"" + text + "\" is not a network (e.g. 10.0.0.0/8, 2001:db8::/32)", e.getMessage());
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
