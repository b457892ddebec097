package dev.linkgate.gateway.http1;

import dev.linkgate.core.config.DataSize;
import dev.linkgate.core.config.ServerConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.linkgate.gateway.http1.Heads.get;
import static dev.linkgate.gateway.http1.Heads.parse;
import static dev.linkgate.gateway.http1.Heads.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestHeadParserTest {

    @Test
    void aLinkClickIsReadIntoMethodTargetVersionFramingAndTheHeadersDetectionReads() throws Exception {
        RequestHead head = parse("GET /sign/abc?lang=de HTTP/1.1\r\nHost: sign.example.com\r\n"
                + "User-Agent: Mozilla/5.0 Chrome/131\r\nAccept: text/html\r\nAccept-Language:  de-DE \r\n"
                + "Sec-Fetch-Mode: navigate\r\nSec-Fetch-Dest: document\r\n\r\n");
        assertEquals("GET", head.method());
        assertEquals("/sign/abc", head.path());
        assertEquals("lang=de", head.query());
        assertEquals("/sign/abc?lang=de", head.originForm());
        assertEquals("sign.example.com", head.host());
        assertFalse(head.http10());
        assertTrue(head.keepAlive());
        assertEquals(RequestHead.Framing.NONE, head.framing());
        assertFalse(head.hasBody());
        assertEquals("de-DE", head.headers().get("accept-language"));
        assertEquals("Mozilla/5.0 Chrome/131", head.headers().get("User-Agent"));
        assertEquals("navigate", head.header("SEC-FETCH-MODE"));
        assertEquals(6, head.fieldCount());
    }

    @Test
    void aHeadArrivingInPiecesIsReturnedOnceCompleteAndWhatFollowsItStaysInTheBuffer() throws Exception {
        RequestHeadParser parser = new RequestHeadParser(ServerConfig.defaults());
        String request = "POST /f HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabcGET /next HTTP/1.1\r\n";
        ByteBuf in = Unpooled.buffer();
        try {
            RequestHead head = null;
            for (char c : request.toCharArray()) {
                in.writeByte(c);
                head = head == null ? parser.parse(in) : head;
            }
            assertEquals(3, head.contentLength());
            assertEquals(RequestHead.Framing.CONTENT_LENGTH, head.framing());
            assertEquals("abcGET /next HTTP/1.1\r\n", in.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
        } finally {
            in.release();
        }
    }

    @Test
    void pipelinedRequestsAreParsedOneAfterTheOther() throws Exception {
        RequestHeadParser parser = new RequestHeadParser(ServerConfig.defaults());
        ByteBuf in = Heads.bytes("GET /a HTTP/1.1\r\nHost: a\r\n\r\n\r\nGET /b HTTP/1.0\r\n\r\n");
        try {
            assertEquals("/a", parser.parse(in).path());
            RequestHead second = parser.parse(in);
            assertEquals("/b", second.path());
            assertTrue(second.http10());
            assertNull(parser.parse(in));
            assertFalse(in.isReadable());
        } finally {
            in.release();
        }
    }

    @Test
    void aBareCrAnywhereInTheHeadIs400() {
        assertEquals(400, status("GET /\rHTTP/1.1\r\nHost: a\r\n\r\n"));
        assertEquals(400, status("GET / HTTP/1.1\rHost: a\r\n\r\n"));
        assertEquals(400, status(get("X: a\rb\r\n")));
        assertEquals(400, status(get("X\r: b\r\n")));
        assertEquals(400, status("GET / HTTP/1.1\r\nHost: a\r\n\rX"));
        assertEquals(400, status("\r\rGET / HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @Test
    void aLineEndingInABareLfIs400() {
        assertEquals(400, status("GET / HTTP/1.1\nHost: a\r\n\r\n"));
        assertEquals(400, status(get("X: 1\n")));
        assertEquals(400, status("GET / HTTP/1.1\r\nHost: a\r\n\n"));
        assertEquals(400, status("\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @Test
    void whitespaceBetweenAFieldNameAndItsColonIs400() {
        assertEquals(400, status(get("Content-Length : 0\r\n")));
        assertEquals(400, status(get("Accept\t: */*\r\n")));
    }

    @Test
    void aFoldedFieldLineIs400() {
        assertEquals(400, status(get("X-Long: one\r\n two\r\n")));
        assertEquals(400, status(get("X-Long: one\r\n\ttwo\r\n")));
        assertEquals(400, status("GET / HTTP/1.1\r\n Host: a\r\n\r\n"));
    }

    @Test
    void methodsAndFieldNamesAreTokens() throws Exception {
        assertEquals("M-SEARCH", parse("M-SEARCH / HTTP/1.1\r\nHost: a\r\n\r\n").method());
        assertEquals(400, status("G@T / HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertEquals(400, status("G\u00c9T / HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertEquals(400, status(get("Foo(Bar): x\r\n")));
        assertEquals(400, status(get("F\u00f6o: x\r\n")));
        assertEquals(400, status(get(": x\r\n")));
        assertEquals(400, status(get("NoColon\r\n")));
    }

    @Test
    void aControlCharacterInTheTargetOrAValueIs400ButTabAndObsTextInAValueAreKept() throws Exception {
        for (char c : new char[] {0, 1, 8, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f}) {
            assertEquals(400, status("GET /a" + c + "b HTTP/1.1\r\nHost: a\r\n\r\n"), "target byte " + (int) c);
            assertEquals(400, status(get("X: a" + c + "b\r\n")), "value byte " + (int) c);
        }
        RequestHead head = parse(get("X: a\tb\r\nY: J\u00c3\u00bcrgen\r\n"));
        assertEquals("a\tb", head.header("x"));
        assertEquals("J\u00c3\u00bcrgen", head.header("y"));
        assertEquals("/caf\u00c3\u00a9", parse("GET /caf\u00c3\u00a9 HTTP/1.1\r\nHost: a\r\n\r\n").path());
    }

    @Test
    void http11NeedsExactlyOneHostAndHttp10AtMostOne() throws Exception {
        assertEquals(400, status("GET / HTTP/1.1\r\n\r\n"));
        assertEquals(400, status("GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n"));
        assertEquals(400, status("GET / HTTP/1.0\r\nHost: a\r\nHost: a\r\n\r\n"));
        assertNull(parse("GET / HTTP/1.0\r\n\r\n").host());
    }

    @Test
    void aHostThatIsNotAnAuthorityIs400() {
        for (String host : List.of("", "a b", "a/b", "user@a", "a?b", "\"a\"", "caf\u00e9.example")) {
            assertEquals(400, status("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n"), host);
        }
    }

    @Test
    void contentLengthIsDigitsWithoutALeadingZeroAndAppearsOnce() throws Exception {
        assertEquals(0, parse(get("Content-Length: 0\r\n")).contentLength());
        assertEquals(9223372036854775807L, parse(get("Content-Length: 9223372036854775807\r\n")).contentLength());
        for (String bad : List.of("+3", "-3", "0x3", "3.0", "03", "00", "", "1 2", "9223372036854775808", "3,3",
                "3, 3")) {
            assertEquals(400, status(get("Content-Length: " + bad + "\r\n")), bad);
        }
        assertEquals(400, status(get("Content-Length: 3\r\nContent-Length: 3\r\n")), "equal values are not merged");
        assertEquals(400, status("POST / HTTP/1.0\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\n"));
    }

    @Test
    void contentLengthWithTransferEncodingIs400() {
        assertEquals(400, status(get("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n")));
        assertEquals(400, status(get("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n")));
    }

    @Test
    void transferEncodingIsChunkedAloneOnHttp11() throws Exception {
        assertEquals(RequestHead.Framing.CHUNKED, parse(get("Transfer-Encoding: Chunked \r\n")).framing());
        for (String bad : List.of("gzip, chunked", "chunked, gzip", "identity", "chunked, chunked", ",chunked", "")) {
            assertEquals(400, status(get("Transfer-Encoding: " + bad + "\r\n")), bad);
        }
        assertEquals(400, status(get("Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n")));
        assertEquals(400, status("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"));
    }

    @Test
    void aRequestLineOverServerMaxRequestLineIs414() {
        String atLimit = "GET /" + "a".repeat(8192 - 14) + " HTTP/1.1";
        assertEquals(8192, atLimit.length());
        assertEquals(0, status(atLimit + "\r\nHost: a\r\n\r\n"));
        assertEquals(414, status("GET /a" + "a".repeat(8192 - 14) + " HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertEquals(414, status("GET /" + "a".repeat(9000)), "known before the line ends");
    }

    @Test
    void fieldLinesOverServerMaxHeaderSizeAre431() {
        String host = "Host: a";
        String fill = "X: " + "v".repeat(16384 - host.length() - 3);
        assertEquals(0, status("GET / HTTP/1.1\r\n" + host + "\r\n" + fill + "\r\n\r\n"));
        assertEquals(431, status("GET / HTTP/1.1\r\n" + host + "\r\n" + fill + "v\r\n\r\n"));
        assertEquals(431, status("GET / HTTP/1.1\r\n" + host + "\r\n" + fill + "vvvvv"), "known before the line ends");
    }

    @Test
    void theLimitsAreTheServerConfigs() {
        ServerConfig small = new ServerConfig(new DataSize(20), new DataSize(20), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), new DataSize(1));
        ByteBuf in = Heads.bytes("GET /aaaaaaaaaaaaaaa HTTP/1.1\r\n");
        try {
            new RequestHeadParser(small).parse(in);
            throw new AssertionError("accepted");
        } catch (RequestRejected e) {
            assertEquals(414, e.status());
        } finally {
            in.release();
        }
    }

    @Test
    void http10ClosesUnlessItAsksForKeepAliveAndHttp11KeepsAliveUnlessItAsksToClose() throws Exception {
        assertFalse(parse("GET / HTTP/1.0\r\n\r\n").keepAlive());
        assertTrue(parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").keepAlive());
        assertFalse(parse("GET / HTTP/1.0\r\nConnection: keep-alive, close\r\n\r\n").keepAlive());
        assertTrue(parse(get("")).keepAlive());
        assertFalse(parse(get("Connection: foo, Close\r\n")).keepAlive());
    }

    @Test
    void anHttp11ExpectationIsReportedForTheGatewayToAnswer() throws Exception {
        assertEquals(RequestHead.Expectation.NONE, parse(get("")).expectation());
        assertEquals(RequestHead.Expectation.CONTINUE, parse(get("Expect: 100-Continue\r\n")).expectation());
        assertEquals(RequestHead.Expectation.OTHER, parse(get("Expect: 200-ok\r\n")).expectation());
        assertEquals(RequestHead.Expectation.NONE, parse("GET / HTTP/1.0\r\nExpect: 200-ok\r\n\r\n").expectation(),
                "HTTP/1.0 expectations are ignored");
    }

    @Test
    void anAbsoluteFormTargetIsReducedToItsOriginFormAndItsAuthorityIsTheHost() throws Exception {
        RequestHead head = parse("GET http://sign.example.com:8443/sign/abc?x=1 HTTP/1.1\r\nHost: other\r\n\r\n");
        assertTrue(head.absoluteForm());
        assertEquals("/sign/abc?x=1", head.originForm());
        assertEquals("/sign/abc", head.path());
        assertEquals("sign.example.com:8443", head.host());
        assertEquals("/?q", parse("GET https://a?q HTTP/1.1\r\nHost: a\r\n\r\n").originForm());
        assertEquals(400, status("GET http://user@a/ HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertEquals(400, status("GET http:///x HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @Test
    void onlyOriginAbsoluteAndOptionsAsteriskTargetsAreServedAndConnectIsRefused() throws Exception {
        assertEquals("*", parse("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n").originForm());
        assertEquals(400, status("GET * HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertEquals(400, status("GET index.html HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertEquals(400, status("CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\n\r\n"));
    }

    @Test
    void theRequestLineIsThreePartsSeparatedBySingleSpaces() {
        assertEquals(400, status("GET  / HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertEquals(400, status("GET\t/ HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertEquals(400, status(" GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertEquals(400, status("GET / HTTP/1.1 \r\nHost: a\r\n\r\n"));
        assertEquals(400, status("GET /\r\n\r\n"));
    }

    @Test
    void aWellFormedVersionOtherThan10And11Is505AndAMalformedOne400() {
        assertEquals(505, status("GET / HTTP/2.0\r\nHost: a\r\n\r\n"));
        assertEquals(505, status("GET / HTTP/1.2\r\nHost: a\r\n\r\n"));
        assertEquals(400, status("GET / http/1.1\r\nHost: a\r\n\r\n"));
        assertEquals(400, status("GET / HTTP/1.10\r\nHost: a\r\n\r\n"));
    }

    @Test
    void aFewEmptyLinesBeforeARequestAreSkippedButNotMany() throws Exception {
        assertEquals("/", parse("\r\n".repeat(RequestHeadParser.MAX_EMPTY_LINES) + get("")).path());
        assertEquals(400, status("\r\n".repeat(RequestHeadParser.MAX_EMPTY_LINES + 1) + get("")));
    }

    @Test
    void everyFieldIsKeptInOrderWithItsNameAsSentAndItsValueTrimmed() throws Exception {
        RequestHead head = parse(get("x-a:one\r\nX-A: \t two \t\r\nX-Empty:\r\n"));
        assertEquals(4, head.fieldCount());
        assertEquals("x-a", head.name(1).toString());
        assertEquals("two", head.value(2).toString());
        assertEquals("", head.value(3).toString());
        assertEquals(List.of("one", "two"), head.headers("X-A"));
        assertEquals(head.fieldBytes(), "Host: example.com".length() + "x-a:one".length()
                + "X-A: \t two \t".length() + "X-Empty:".length());
    }

    @Test
    void theTokenIsNeverInTheHeadsDescription() throws Exception {
        assertFalse(parse("GET /sign/secret-token HTTP/1.1\r\nHost: a\r\n\r\n").toString().contains("secret"));
    }

    @Test
    void aValueReadTwiceIsTheSameStringAndEachFieldKeepsItsOwn() throws Exception {
        RequestHead head = parse(get("User-Agent: Mozilla/5.0\r\nX-A: one\r\nx-a: two\r\n"));
        String agent = head.header("User-Agent");
        assertEquals("Mozilla/5.0", agent);
        assertSame(agent, head.headers().get("user-agent"), "made once, hashed once");
        assertEquals(List.of("one", "two"), head.headers("X-A"));
        assertEquals("one", head.header("x-a"));
        assertEquals(List.of("one", "two"), head.headers("x-A"));
        assertNull(head.header("Cookie"));
        assertEquals("example.com", head.header("Host"));
    }

    @Test
    void aKnownNameIsFoundByTheParsersIdInAnyCaseAndOnlyByItsOwnCharacters() throws Exception {
        RequestHead head = parse(get("x-forwarded-FOR: 10.0.0.1\r\nAccept-Language: en\r\n"
                + "Accept-Encoding: gzip\r\nX-Forwarded-For: 10.0.0.2\r\n"));
        assertEquals(List.of("10.0.0.1", "10.0.0.2"), head.headers("X-Forwarded-For"),
                "the same 15-character length as Accept-Language and Accept-Encoding, told apart");
        assertEquals(List.of("10.0.0.1", "10.0.0.2"), head.headers("x-FORWARDED-for"));
        assertEquals("en", head.header("ACCEPT-LANGUAGE"));
        assertEquals("gzip", head.header("accept-encoding"), "a name the parser has no id for");
        // Characters that equal a known name's only with the 0x20 bit set are not that name.
        assertNull(head.header("X\rForwarded-For"));
        assertNull(head.header("X-Forwarded\u0000For"));
        assertNull(head.header("X-Forwarded-Fo\u0152"));
        assertEquals(List.of(), head.headers("X-Forwarded-Host"));
    }
}
