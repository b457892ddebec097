package dev.linkgate.gateway.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.linkgate.core.detect.NetworkPrefix;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixSetTest {

    @Test
    void adjacentAndNestedPrefixesMergeIntoTheFewestPrefixes() {
        PrefixSet s = PrefixSet.ipv4();
        for (String p : List.of("10.0.1.0/24", "10.0.0.0/24", "10.0.0.128/25", "10.0.2.0/23", "10.0.5.0/24")) {
            s.add(NetworkPrefix.parse(p));
        }
        assertEquals(List.of("10.0.0.0/22", "10.0.5.0/24"), s.prefixes());
    }

    @Test
    void aCarvedRangeSplitsItsNetwork() {
        PrefixSet s = PrefixSet.ipv4();
        s.add(NetworkPrefix.parse("192.0.2.0/24"));
        s.removeAll(List.of(NetworkPrefix.parse("192.0.2.64/26"), NetworkPrefix.parse("198.51.100.0/24"),
                NetworkPrefix.parse("2001:db8::/32")));
        assertEquals(List.of("192.0.2.0/26", "192.0.2.128/25"), s.prefixes());
    }

    @Test
    void aRangeCarvedWholeLeavesNothing() {
        PrefixSet s = PrefixSet.ipv6();
        s.add(NetworkPrefix.parse("2001:db8:1::/48"));
        s.removeAll(List.of(NetworkPrefix.parse("2001:db8::/32")));
        assertEquals(List.of(), s.prefixes());
    }

    @Test
    void ipv6IsWrittenInItsShortForm() {
        PrefixSet s = PrefixSet.ipv6();
        s.add(NetworkPrefix.parse("2603:1000:0:0:0:0:0:0/40"));
        s.add(NetworkPrefix.parse("2a01:111:f400::/48"));
        s.add(NetworkPrefix.parse("2001:db8:0:1:0:0:0:1/128"));
        assertEquals(List.of("2001:db8:0:1::1/128", "2603:1000::/40", "2a01:111:f400::/48"), s.prefixes());
    }

    @Test
    void theWholeSpaceIsOnePrefix() {
        PrefixSet s = PrefixSet.ipv4();
        s.add(NetworkPrefix.parse("0.0.0.0/1"));
        s.add(NetworkPrefix.parse("128.0.0.0/1"));
        assertEquals(List.of("0.0.0.0/0"), s.prefixes());
    }
}
