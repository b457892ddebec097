package dev.linkgate.gateway.http;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AddressTextTest {

    @Test
    void writesIpv6InItsShortFormAndFollowsAChangeOfAddress() throws Exception {
        AddressText text = new AddressText();

        assertEquals("2001:db8::1", text.of(InetAddress.getByName("2001:db8:0:0:0:0:0:1")));
        assertEquals("2001:db8::1", text.of(InetAddress.getByName("2001:db8::1")));
        assertEquals("203.0.113.7", text.of(InetAddress.getByName("203.0.113.7")));
        assertEquals("::1", text.of(InetAddress.getByName("0:0:0:0:0:0:0:1")));
    }
}
