package dev.linkgate.gateway.http1;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadWriterTest {
    private static final String PEER = "198.51.100.23";
    private static final String UPSTREAM = "app.internal:8081";

    private static String written(String request, boolean trusted, boolean preserveHost, Set<String> cookies)
            throws RequestRejected {
        RequestHead head = Heads.parse(request);
        ByteBuf out = new HeadWriter(UPSTREAM, preserveHost).write(head, PEER, trusted, cookies,
                ByteBufAllocator.DEFAULT);
        try {
            return out.toString(StandardCharsets.ISO_8859_1);
        } finally {
            out.release();
        }
    }

    @Test
    void aBrowserClickIsSentByteForByteAsTodaysPathSendsIt() throws Exception {
        String click = "GET /sign/abc HTTP/1.1\r\nHost: sign.example.com\r\nConnection: keep-alive\r\n"
                + "User-Agent: Mozilla/5.0 Chrome/131\r\nAccept: text/html\r\nCookie: sid=1; theme=dark\r\n"
                + "Accept-Language: de\r\n\r\n";
        String expected = "GET /sign/abc HTTP/1.1\r\nHost: sign.example.com\r\n"
                + "User-Agent: Mozilla/5.0 Chrome/131\r\nAccept: text/html\r\nCookie: sid=1; theme=dark\r\n"
                + "Accept-Language: de\r\nx-forwarded-for: " + PEER + "\r\nx-forwarded-proto: http\r\n"
                + "x-forwarded-host: sign.example.com\r\n\r\n";
        assertEquals(expected, written(click, false, true, Set.of()));
        assertEquals(expected, new String(TodaysPath.upstreamHead(click.getBytes(StandardCharsets.ISO_8859_1), PEER,
                false, UPSTREAM, true), StandardCharsets.ISO_8859_1));
    }

    @Test
    void everyCorpusRequestIsSentAsTodaysPathSendsItWithTrustedAndUntrustedPeersAndEitherHost() {
        // Two combinations cover every branch: the default deployment, and a trusted proxy in front with the
        // upstream's own Host.
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (Corpus.Case c : Corpus.load().cases()) {
            RequestHead head = firstHead(c.bytes());
            if (head == null || head.expectation() == RequestHead.Expectation.OTHER) {
                continue; // refused, incomplete, or answered 417 today: nothing goes upstream
            }
            for (boolean trusted : new boolean[] {false, true}) {
                {
                    boolean preserveHost = !trusted;
                    byte[] today = TodaysPath.upstreamHead(c.bytes(), PEER, trusted, UPSTREAM, preserveHost);
                    ByteBuf ours = new HeadWriter(UPSTREAM, preserveHost).write(head, PEER, trusted, Set.of(),
                            ByteBufAllocator.DEFAULT);
                    try {
                        List<String> expected = normalized(new String(today, StandardCharsets.ISO_8859_1));
                        List<String> actual = normalized(ours.toString(StandardCharsets.ISO_8859_1));
                        if (!expected.equals(actual)) {
                            problems.add(c + " trusted=" + trusted + " preserveHost=" + preserveHost
                                    + "\n  today: " + expected + "\n  ours:  " + actual);
                        }
                        compared++;
                    } finally {
                        ours.release();
                    }
                }
            }
        }
        assertTrue(compared > 300, "compared " + compared);
        assertEquals(List.of(), problems);
    }

    @Test
    void hopByHopFieldsAndTheFieldsConnectionNamesAreDroppedButNotContentLengthOrHost() throws Exception {
        String sent = written("POST / HTTP/1.1\r\nHost: a\r\nConnection: X-Private, content-length, host\r\n"
                + "X-Private: 1\r\nKeep-Alive: 5\r\nTE: trailers\r\nUpgrade: h2c\r\nProxy-Authorization: x\r\n"
                + "Content-Length: 2\r\nX-Kept: 1\r\n\r\n", false, true, Set.of());
        assertEquals("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nX-Kept: 1\r\nx-forwarded-for: " + PEER
                + "\r\nx-forwarded-proto: http\r\nx-forwarded-host: a\r\n\r\n", sent);
    }

    @Test
    void aTrustedPeersForwardingFieldsAreKeptAndItsForwardedForExtended() throws Exception {
        String request = "GET / HTTP/1.1\r\nX-Forwarded-For: 203.0.113.7\r\nHost: a\r\n"
                + "X-Forwarded-Proto: https\r\nX-Forwarded-For: 10.0.0.1\r\n\r\n";
        assertEquals("GET / HTTP/1.1\r\nHost: a\r\nX-Forwarded-Proto: https\r\n"
                + "x-forwarded-for: 203.0.113.7, 10.0.0.1, " + PEER + "\r\nx-forwarded-host: a\r\n\r\n",
                written(request, true, true, Set.of()));
        assertEquals("GET / HTTP/1.1\r\nHost: a\r\nx-forwarded-for: " + PEER + "\r\nx-forwarded-proto: http\r\n"
                + "x-forwarded-host: a\r\n\r\n", written(request, false, true, Set.of()));
    }

    @Test
    void anAbsoluteFormTargetIsSentInOriginFormWithItsAuthorityAsHostAndHttp10AsHttp11() throws Exception {
        assertEquals("GET /x?y HTTP/1.1\r\nhost: b.example\r\nx-forwarded-for: " + PEER + "\r\n"
                + "x-forwarded-proto: http\r\nx-forwarded-host: b.example\r\n\r\n",
                written("GET http://b.example/x?y HTTP/1.0\r\nHost: a\r\n\r\n", false, true, Set.of()));
        assertEquals("GET / HTTP/1.1\r\nx-forwarded-for: " + PEER + "\r\nx-forwarded-proto: http\r\n"
                + "host: " + UPSTREAM + "\r\n\r\n", written("GET / HTTP/1.0\r\n\r\n", false, true, Set.of()));
    }

    @Test
    void aChunkedBodyIsAnnouncedAsChunkedAndExpectIsNotForwarded() throws Exception {
        assertEquals("POST / HTTP/1.1\r\nHost: a\r\nx-forwarded-for: " + PEER + "\r\nx-forwarded-proto: http\r\n"
                + "x-forwarded-host: a\r\ntransfer-encoding: chunked\r\n\r\n",
                written("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n",
                        false, true, Set.of()));
    }

    @Test
    void aLinksSessionCookiesAreTakenOutOfTheCookieField() throws Exception {
        String sent = written(Heads.get("Cookie: sid=1; theme=dark;sid2=3 ; sid =4\r\nCookie: sid=9\r\n"), false,
                true, Set.of("sid"));
        assertTrue(sent.contains("\r\nCookie: theme=dark; sid2=3\r\nx-forwarded-for"), sent);
        assertEquals(1, sent.split("Cookie").length - 1, "a Cookie field left empty is not sent");
        assertTrue(written(Heads.get("Cookie: a=1\r\n"), false, true, Set.of("sid")).contains("\r\nCookie: a=1\r\n"));
    }

    /** The first head linkgate's parser accepts in {@code bytes}, or null. */
    private static RequestHead firstHead(byte[] bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            return new RequestHeadParser(Heads.MAX_LINE, Heads.MAX_HEADER).parse(in);
        } catch (RequestRejected e) {
            return null;
        } finally {
            in.release();
        }
    }

    /** The request line and each field line with the whitespace around its value removed (Netty trims it). */
    static List<String> normalized(String head) {
        List<String> lines = new ArrayList<>();
        String[] split = head.split("\r\n", -1);
        lines.add(split[0]);
        for (int i = 1; i < split.length && !split[i].isEmpty(); i++) {
            int colon = split[i].indexOf(':');
            lines.add(split[i].substring(0, colon) + ":" + split[i].substring(colon + 1).strip());
        }
        return lines;
    }
}
