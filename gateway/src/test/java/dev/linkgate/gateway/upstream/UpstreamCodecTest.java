package dev.linkgate.gateway.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import dev.linkgate.gateway.http1.ResponseHead;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpstreamCodecTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new UpstreamCodec(new HttpDecoderConfig()));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void theHeadGoesOutAsTheBytesItWasWrittenAs() {
        // GET /caf\xC3\xA9?q=\xE2\x82\xAC as a client sends it raw: the bytes reach the upstream unchanged.
        byte[] head = "GET /caf\u00c3\u00a9?q=\u00e2\u0082\u00ac HTTP/1.1\r\nhost: app\r\nX-Name: J\u00f6rg\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        channel.writeOutbound(new UpstreamCodec.Head(Unpooled.wrappedBuffer(head), false, true));
        ByteBuf out = channel.readOutbound();
        try {
            assertArrayEquals(head, ByteBufUtil.getBytes(out));
            assertEquals((byte) 0xC3, ByteBufUtil.getBytes(out)[8], "é is C3 A9 still, not C3 83 C2 A9");
        } finally {
            out.release();
        }
    }

    @Test
    void bodyBytesPassAsTheyAre() {
        ByteBuf chunked = ascii("3\r\nabc\r\n0\r\n\r\n");
        channel.writeOutbound(chunked);
        ByteBuf out = channel.readOutbound();
        assertSame(chunked, out);
        out.release();
    }

    @Test
    void theResponseToHeadHasNoBodyWhateverItsContentLengthAndTheNextResponseStillParses() {
        channel.writeOutbound(head("HEAD"), head("GET"));
        releaseOutbound();

        channel.writeInbound(ascii("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"));

        List<HttpObject> in = inbound();
        assertEquals(4, in.size(), in.toString());
        assertInstanceOf(HttpResponse.class, in.get(0));
        assertEquals(0, ((LastHttpContent) in.get(1)).content().readableBytes(), "HEAD: no body");
        assertInstanceOf(HttpResponse.class, in.get(2));
        assertEquals("hello", ((HttpContent) in.get(3)).content().toString(StandardCharsets.US_ASCII));
        in.forEach(ReferenceCountUtil::release);
    }

    @Test
    void anInformationalResponseDoesNotUseUpTheHeadRequestsTurn() {
        channel.writeOutbound(head("HEAD"));
        releaseOutbound();

        channel.writeInbound(ascii("HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"));

        List<HttpObject> in = inbound();
        assertEquals(4, in.size(), in.toString());
        assertEquals(103, ((HttpResponse) in.get(0)).status().code());
        assertEquals(200, ((HttpResponse) in.get(2)).status().code());
        assertTrue(in.get(3) instanceof LastHttpContent last && last.content().readableBytes() == 0);
        assertFalse(channel.inboundMessages().iterator().hasNext());
        in.forEach(ReferenceCountUtil::release);
    }

    private static UpstreamCodec.Head head(String method) {
        return head(method, false);
    }

    private static UpstreamCodec.Head head(String method, boolean raw) {
        return new UpstreamCodec.Head(ascii(method + " /doc HTTP/1.1\r\nhost: app\r\n\r\n"), "HEAD".equals(method),
                raw);
    }

    @Test
    void aRelayedResponseComesAsItsHeadThenItsBodyBytesAndHeadStillHasNoBody() {
        channel.writeOutbound(head("HEAD", true), head("GET", true));
        releaseOutbound();

        channel.writeInbound(ascii("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel"), ascii("lo"));

        List<Object> in = inboundObjects();
        assertEquals(5, in.size(), in.toString());
        assertEquals(ResponseHead.Framing.NONE, ((ResponseHead) in.get(0)).framing());
        assertSame(LastHttpContent.EMPTY_LAST_CONTENT, in.get(1));
        assertEquals(5, ((ResponseHead) in.get(2)).contentLength());
        assertEquals("hel", ((HttpContent) in.get(3)).content().toString(StandardCharsets.US_ASCII));
        assertEquals("lo", ((LastHttpContent) in.get(4)).content().toString(StandardCharsets.US_ASCII));
        in.forEach(ReferenceCountUtil::release);
    }

    @Test
    void aRelayedChunkedBodyKeepsItsFramingAndEndsAtItsLastChunk() {
        channel.writeOutbound(head("GET", true));
        releaseOutbound();
        String body = "5;x=1\r\nhello\r\n0\r\nTrailer-Field: t\r\n\r\n";

        channel.writeInbound(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body + "HTTP/1.1"));

        List<Object> in = inboundObjects();
        assertEquals(ResponseHead.Framing.CHUNKED, ((ResponseHead) in.get(0)).framing());
        assertEquals(body, ((LastHttpContent) in.get(1)).content().toString(StandardCharsets.US_ASCII));
        assertEquals(2, in.size(), "the bytes after the body wait for a response nobody asked for");
        in.forEach(ReferenceCountUtil::release);
    }

    @Test
    void aRelayedCloseDelimitedBodyEndsWhenTheUpstreamCloses() {
        channel.writeOutbound(head("GET", true));
        releaseOutbound();
        channel.writeInbound(ascii("HTTP/1.1 200 OK\r\n\r\npart one, "), ascii("part two"));
        channel.close();

        List<Object> in = inboundObjects();
        assertEquals(ResponseHead.Framing.CLOSE, ((ResponseHead) in.get(0)).framing());
        assertEquals("part one, ", ((HttpContent) in.get(1)).content().toString(StandardCharsets.US_ASCII));
        assertEquals("part two", ((HttpContent) in.get(2)).content().toString(StandardCharsets.US_ASCII));
        assertInstanceOf(LastHttpContent.class, in.get(3));
        in.forEach(ReferenceCountUtil::release);
    }

    @Test
    void aRelayedInformationalResponseIsPassedOnWithoutUsingUpTheTurn() {
        channel.writeOutbound(head("HEAD", true));
        releaseOutbound();
        channel.writeInbound(ascii("HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"));

        List<Object> in = inboundObjects();
        assertEquals(3, in.size(), in.toString());
        assertTrue(((ResponseHead) in.get(0)).informational());
        assertEquals(ResponseHead.Framing.NONE, ((ResponseHead) in.get(1)).framing());
        assertSame(LastHttpContent.EMPTY_LAST_CONTENT, in.get(2));
    }

    @Test
    void objectAndRelayedResponsesTakeTurnsOnOneConnection() {
        channel.writeOutbound(head("GET", false), head("GET", true), head("GET", false));
        releaseOutbound();
        String one = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\none";
        channel.writeInbound(ascii(one + one.replace("one", "two") + one.replace("one", "tri")));

        List<Object> in = inboundObjects();
        assertEquals(6, in.size(), in.toString());
        assertInstanceOf(HttpResponse.class, in.get(0));
        assertEquals("one", ((HttpContent) in.get(1)).content().toString(StandardCharsets.US_ASCII));
        assertInstanceOf(ResponseHead.class, in.get(2));
        assertEquals("two", ((HttpContent) in.get(3)).content().toString(StandardCharsets.US_ASCII));
        assertInstanceOf(HttpResponse.class, in.get(4));
        assertEquals("tri", ((HttpContent) in.get(5)).content().toString(StandardCharsets.US_ASCII));
        in.forEach(ReferenceCountUtil::release);
    }

    @Test
    void aResponseHeadBrokenAsARequestHeadWouldBeIsRefused() {
        for (String broken : List.of("HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
                "HTTP/1.1 200 OK\r\nX : y\r\n\r\n", "HTTP/1.1 200 OK\r\nX: a\r\n b\r\n\r\n",
                "HTTP/1.1 2000 OK\r\n\r\n", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n")) {
            EmbeddedChannel ch = new EmbeddedChannel(new UpstreamCodec(new HttpDecoderConfig()));
            ch.writeOutbound(head("GET", true));
            for (Object o; (o = ch.readOutbound()) != null; ) {
                ReferenceCountUtil.release(o);
            }
            assertThrows(DecoderException.class, () -> ch.writeInbound(ascii(broken)), broken);
            ch.finishAndReleaseAll();
        }
    }

    private List<Object> inboundObjects() {
        List<Object> in = new ArrayList<>();
        for (Object o; (o = channel.readInbound()) != null; ) {
            in.add(o);
        }
        return in;
    }

    private void releaseOutbound() {
        for (Object o; (o = channel.readOutbound()) != null; ) {
            ReferenceCountUtil.release(o);
        }
    }

    private List<HttpObject> inbound() {
        List<HttpObject> in = new ArrayList<>();
        for (Object o; (o = channel.readInbound()) != null; ) {
            in.add((HttpObject) o);
        }
        return in;
    }

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.ISO_8859_1);
    }
}
