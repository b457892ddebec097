package dev.linkgate.gateway.link;

import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.gateway.http1.RequestRejected;
import dev.linkgate.gateway.http1.ResponseHeadParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class ResponseCopyTest {
    @Test
    void theCopyKeepsStatusHeadersAndBodyButNotTheFraming() {
        ResponseCopy copy = new ResponseCopy(1024);
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FOUND);
        head.headers().add("Location", "/documents/1").add("Set-Cookie", "sid=1; HttpOnly")
                .add("Content-Length", "2").add("X-File", "Vertrag_M\u00c3\u00bcller.pdf");
        copy.head(head);
        ByteBuf body = Unpooled.copiedBuffer("ok", StandardCharsets.US_ASCII);
        copy.body(body);
        body.release();

        assertTheDocumentsRedirect(copy.result());
    }

    @Test
    void aHeaderTooLongForTheCopyMeansNoCopyNotAnException() {
        ResponseCopy copy = new ResponseCopy(1024);
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        // 40,000 characters of U+00E9: 80,000 bytes once encoded, over the copy format's 65,535 a string.
        head.headers().add("X-Huge", "\u00e9".repeat(40_000));
        copy.head(head);

        assertNull(copy.result(), "the link is settled without a copy, as for a large body");
    }

    // Relayed as bytes (an HTTP/1.1 client): the copy is taken from the upstream's head and body bytes.

    @Test
    void aRelayedResponseIsCopiedWithoutItsHopByHopAndFramingFields() throws RequestRejected {
        ResponseCopy copy = new ResponseCopy(1024);
        ByteBuf bytes = ascii("HTTP/1.1 302 Found\r\nLocation: /documents/1\r\nConnection: keep-alive, X-Hop\r\n"
                + "X-Hop: 1\r\nKeep-Alive: timeout=5\r\nSet-Cookie:  sid=1; HttpOnly \r\nContent-Length: 2\r\n"
                + "X-File: Vertrag_M\u00c3\u00bcller.pdf\r\n\r\nok");
        try {
            copy.head(new ResponseHeadParser(8192).parse(bytes, false));
            copy.body(bytes);
        } finally {
            bytes.release();
        }

        assertTheDocumentsRedirect(copy.result());
    }

    @Test
    void aRelayedChunkedBodyIsCopiedWithoutItsFramingAcrossPieces() throws RequestRejected {
        ResponseCopy copy = new ResponseCopy(1024);
        relayedHead(copy, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n");
        String framed = "5;ext=\"a;b\"\r\n<html\r\n0007\r\n>hello<\r\n1\r\n/\r\n0\r\nX-Trailer: t\r\n\r\n";
        // Split at every position a network read might: inside sizes, data, CRLFs and the trailer.
        for (int cut = 1; cut < framed.length(); cut += 3) {
            ResponseCopy each = new ResponseCopy(1024);
            relayedHead(each, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            feed(each, framed.substring(0, cut));
            feed(each, framed.substring(cut));
            assertArrayEquals("<html>hello</".getBytes(StandardCharsets.US_ASCII), each.result().body(), "cut " + cut);
        }
        feed(copy, framed);

        SharedResponse shared = copy.result();

        assertEquals(List.of(Map.entry("Content-Type", "text/html")), shared.headers(), "no Transfer-Encoding");
        assertArrayEquals("<html>hello</".getBytes(StandardCharsets.US_ASCII), shared.body());
    }

    @Test
    void aRelayedChunkedBodyOverTheLimitLeavesNoCopy() throws RequestRejected {
        ResponseCopy copy = new ResponseCopy(8);
        relayedHead(copy, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        feed(copy, "5\r\n12345\r\n");
        assertNotNull(copy.result(), "5 bytes fit");
        feed(copy, "4\r\n6789\r\n0\r\n\r\n");

        assertNull(copy.result(), "9 bytes do not");
    }

    @Test
    void aRelayedContentLengthOverTheLimitLeavesNoCopyWithoutReadingTheBody() throws RequestRejected {
        ResponseCopy copy = new ResponseCopy(8);
        relayedHead(copy, "HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n");

        assertNull(copy.result());
    }

    /** Both ways of taking the copy keep the same: a 302 to the document, its cookie, its body. */
    private static void assertTheDocumentsRedirect(SharedResponse shared) {
        assertNotNull(shared);
        assertEquals(302, shared.status());
        assertEquals(List.of(Map.entry("Location", "/documents/1"), Map.entry("Set-Cookie", "sid=1; HttpOnly"),
                Map.entry("X-File", "Vertrag_M\u00c3\u00bcller.pdf")), shared.headers());
        assertArrayEquals("ok".getBytes(StandardCharsets.US_ASCII), shared.body());
    }

    /** The copy starts from a head relayed as bytes, parsed as the upstream codec parses it. */
    private static void relayedHead(ResponseCopy copy, String head) throws RequestRejected {
        ByteBuf bytes = ascii(head);
        try {
            copy.head(new ResponseHeadParser(8192).parse(bytes, false));
        } finally {
            bytes.release();
        }
    }

    private static void feed(ResponseCopy copy, String piece) {
        ByteBuf bytes = ascii(piece);
        try {
            copy.body(bytes);
        } finally {
            bytes.release();
        }
    }

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.ISO_8859_1);
    }
}
