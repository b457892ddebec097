package dev.linkgate.gateway.http;

import dev.linkgate.core.config.Cidr;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClientAddressTest {
    private static final Predicate<InetAddress> OUR_PROXIES = a ->
            Cidr.parse("10.0.0.0/8").contains(a) || Cidr.parse("2001:db8:ffff::/48").contains(a);

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void aPeerThatIsNotATrustedProxyIsTheClientWhateverItsForwardedForSays() throws Exception {
        assertEquals(ip("203.0.113.7"), ClientAddress.resolve(ip("203.0.113.7"), List.of("198.51.100.1"), OUR_PROXIES));
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedHopIsTheClient() throws Exception {
        InetAddress client = ClientAddress.resolve(ip("10.0.0.5"),
                List.of("192.0.2.66, 198.51.100.9", "10.1.2.3"), OUR_PROXIES);
        assertEquals(ip("198.51.100.9"), client);
    }

    @Test
    void aForgedLeftmostHopDoesNotWinOverTheHopOurProxySaw() throws Exception {
        assertEquals(ip("198.51.100.9"),
                ClientAddress.resolve(ip("10.0.0.5"), List.of("1.2.3.4, 198.51.100.9"), OUR_PROXIES));
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostIsTheClient() throws Exception {
        assertEquals(ip("10.9.9.9"), ClientAddress.resolve(ip("10.0.0.5"), List.of("10.9.9.9, 10.1.1.1"), OUR_PROXIES));
    }

    @Test
    void garbageWhereAnAddressShouldBeStopsAtTheLastHopOurProxiesVouchedFor() throws Exception {
        assertEquals(ip("10.1.1.1"),
                ClientAddress.resolve(ip("10.0.0.5"), List.of("198.51.100.9, evil.example, 10.1.1.1"), OUR_PROXIES));
    }

    @Test
    void aTrustedPeerWithoutForwardedForIsItselfTheClient() throws Exception {
        assertEquals(ip("10.0.0.5"), ClientAddress.resolve(ip("10.0.0.5"), List.of(), OUR_PROXIES));
        // Nothing to look up without a header: the trusted networks are not even read (a request-path cost).
        assertEquals(ip("10.0.0.5"), ClientAddress.resolve(ip("10.0.0.5"), List.of(), address -> {
            throw new AssertionError("looked up " + address);
        }));
    }

    @Test
    void hopsWithPortsBracketsAndIpv6AreRead() throws Exception {
        assertEquals(ip("198.51.100.9"), ClientAddress.parse(" 198.51.100.9:4711 "));
        assertEquals(ip("2001:db8::1"), ClientAddress.parse("[2001:db8::1]:443"));
        assertEquals(ip("2001:db8::1"), ClientAddress.parse("2001:db8::1"));
        assertEquals(ip("2001:db8:1::9"), ClientAddress.resolve(ip("2001:db8:ffff::1"), List.of("2001:db8:1::9"), OUR_PROXIES));
    }

    @Test
    void hostNamesAreNeverLookedUp() {
        assertNull(ClientAddress.parse("localhost"));
        assertNull(ClientAddress.parse("unknown"));
    }

    @Test
    void anIpv4MappedPeerCountsAsIpv4() throws Exception {
        assertEquals(ip("10.0.0.5"), ClientAddress.normalize(InetAddress.getByAddress(
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 5})));
    }
}
