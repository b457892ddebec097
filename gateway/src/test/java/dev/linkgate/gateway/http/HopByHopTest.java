package dev.linkgate.gateway.http;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HopByHopTest {

    @Test
    void connectionHeadersAndTheHeadersTheyNameAreRemoved() {
        HttpHeaders h = new DefaultHttpHeaders()
                .add("Connection", "keep-alive, X-Hop")
                .add("Connection", "X-Other-Hop")
                .add("X-Hop", "1").add("X-Other-Hop", "2")
                .add("Keep-Alive", "timeout=5").add("Proxy-Connection", "keep-alive").add("TE", "trailers")
                .add("Trailer", "X-Checksum").add("Transfer-Encoding", "chunked").add("Upgrade", "h2c")
                .add("Proxy-Authorization", "Basic eA==").add("Proxy-Authenticate", "Basic")
                .add("Set-Cookie", "a=1").add("Cookie", "b=2").add("Authorization", "Bearer t");

        HopByHop.strip(h);

        assertEquals(3, h.size(), h.toString());
        assertTrue(h.contains("Set-Cookie") && h.contains("Cookie") && h.contains("Authorization"));
    }

    @Test
    void aConnectionHeaderCannotRemoveTheMessageFramingOrHost() {
        HttpHeaders h = new DefaultHttpHeaders().add("Connection", "Content-Length, Host, Date")
                .add("Content-Length", "5").add("Host", "app").add("Date", "today");

        HopByHop.strip(h);

        assertEquals("5", h.get("Content-Length"));
        assertEquals("app", h.get("Host"));
        assertFalse(h.contains("Date"));
    }

    @Test
    void namesMatchInAnyCaseAndEndToEndHeadersStay() {
        HttpHeaders h = new DefaultHttpHeaders().add("CONNECTION", "x-HOP").add("X-Hop", "1").add("KEEP-ALIVE", "5")
                .add("upgrade", "h2c").add("Accept", "*/*").add("Teapot", "no").add("Trailers", "end-to-end");

        HopByHop.strip(h);

        assertEquals(3, h.size(), h.toString());
        assertTrue(h.contains("Accept") && h.contains("Teapot") && h.contains("Trailers"));
    }

    @Test
    void aMessageWithoutHopByHopHeadersIsUntouched() {
        HttpHeaders h = new DefaultHttpHeaders().add("Host", "app").add("Accept", "*/*").add("Cookie", "a=1");

        HopByHop.strip(h);

        assertEquals(3, h.size());
    }
}
