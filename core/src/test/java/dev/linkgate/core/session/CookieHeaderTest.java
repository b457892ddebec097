package dev.linkgate.core.session;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CookieHeaderTest {
    @Test
    void findsACookieByItsWholeName() {
        assertEquals("2", CookieHeader.value("a=1; sid=2; sidx=3", "sid"));
        assertEquals("3", CookieHeader.value("a=1;sidx=3", "sidx"));
        assertNull(CookieHeader.value("xsid=1; sid2=3", "sid"));
        assertEquals("", CookieHeader.value("sid=", "sid"));
    }

    @Test
    void removesNamedCookiesAndPassesTheRestByteForByte() {
        List<String> removed = new ArrayList<>();
        assertEquals("theme=dark; SID=b; lang=en-GB", CookieHeader.without("sid=a; theme=dark; SID=b; sid=c; lang=en-GB",
                List.of("sid", "linkgate-browser"), removed));
        assertEquals(List.of("sid"), removed, "each name counted once; names are case-sensitive");
    }

    @Test
    void nothingLeftMeansNoHeader() {
        List<String> removed = new ArrayList<>();
        assertNull(CookieHeader.without("sid=a;  linkgate-browser=x", List.of("sid", "linkgate-browser"), removed));
        assertEquals(List.of("sid", "linkgate-browser"), removed);
    }

    @Test
    void oddPiecesAreKeptAsSent() {
        List<String> removed = new ArrayList<>();
        assertEquals("flag; a=b=c", CookieHeader.without("flag; sid=1; a=b=c;", List.of("sid"), removed));
    }
}
