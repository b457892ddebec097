package dev.linkgate.core.history;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NetworkBytesTest {
    @Test
    void ipv4NetworksRoundTrip() {
        for (String network : new String[] {"203.0.113.0/24", "0.0.0.0/24", "255.255.255.0/24", "10.1.22.0/24"}) {
            assertEquals(network, NetworkBytes.read(NetworkBytes.bits(network), false));
        }
    }

    @Test
    void ipv6NetworksRoundTrip() {
        assertEquals("2001:db8:1::/48", NetworkBytes.read(NetworkBytes.bits("2001:db8:1::/48"), true));
        assertEquals(0x2001_0db8_0001L, NetworkBytes.bits("2001:db8:1::/48"));
        assertEquals(0xCB00_7100_0000L, NetworkBytes.bits("203.0.113.0/24"), "octets high, the host byte zero");
    }

    @Test
    void textThatIsNoIpv4NetworkIsRefused() {
        for (String bad : new String[] {"203.0/24", "a.b.c.0/24", "1..2.0/24", "1234.1.1.0/24"}) {
            assertThrows(IllegalArgumentException.class, () -> NetworkBytes.bits(bad), bad);
        }
    }
}
