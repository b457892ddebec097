package dev.linkgate.gateway.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
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
        channel.writeOutbound(new UpstreamCodec.Head(Unpooled.wrappedBuffer(head), false));
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
        return new UpstreamCodec.Head(ascii(method + " /doc HTTP/1.1\r\nhost: app\r\n\r\n"), "HEAD".equals(method));
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
