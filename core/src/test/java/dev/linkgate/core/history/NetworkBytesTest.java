package dev.linkgate.core.history;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NetworkBytesTest {
    @Test
    void ipv4NetworksRoundTrip() {
        for (String network : new String[] {"203.0.113.0/24", "0.0.0.0/24", "255.255.255.0/24", "10.1.22.0/24"}) {
            byte[] b = new byte[8];
            NetworkBytes.write(network, b, 1);
            assertEquals(network, NetworkBytes.read(b, 1, false));
        }
    }

    @Test
    void ipv6NetworksRoundTrip() {
        byte[] b = new byte[6];
        NetworkBytes.write("2001:db8:1::/48", b, 0);
        assertEquals("2001:db8:1::/48", NetworkBytes.read(b, 0, true));
    }

    @Test
    void textThatIsNoIpv4NetworkIsRefused() {
        for (String bad : new String[] {"203.0/24", "a.b.c.0/24", "1..2.0/24", "1234.1.1.0/24"}) {
            assertThrows(IllegalArgumentException.class, () -> NetworkBytes.write(bad, new byte[6], 0), bad);
        }
    }
}
