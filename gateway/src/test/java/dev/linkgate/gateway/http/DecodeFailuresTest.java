package dev.linkgate.gateway.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import dev.linkgate.gateway.http1.Http1ServerHandler;
import dev.linkgate.gateway.http1.RequestHead;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class DecodeFailuresTest {

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(new HttpResponseEncoder(), new Http1ServerHandler(100, 200),
                Steps.handler(new DecodeFailures()));
    }

    /** Sends raw request bytes and returns the status written back. */
    private static int answer(EmbeddedChannel ch, String request) {
        ch.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
        EmbeddedChannel client = new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 16));
        Object out;
        while ((out = ch.readOutbound()) != null) {
            client.writeInbound(out);
        }
        FullHttpResponse r = client.readInbound();
        try {
            return r.status().code();
        } finally {
            r.release();
            client.finishAndReleaseAll();
        }
    }

    @Test
    void contentLengthWithTransferEncodingIsAnsweredWith400AndClosed() {
        EmbeddedChannel ch = channel();
        assertEquals(400, answer(ch, "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"));
        assertFalse(ch.isOpen());
        assertNull(ch.readInbound(), "nothing of the request goes on");
    }

    @Test
    void anOverlongRequestLineIsAnsweredWith414() {
        EmbeddedChannel ch = channel();
        assertEquals(414, answer(ch, "GET /" + "a".repeat(200) + " HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertFalse(ch.isOpen());
    }

    @Test
    void anOversizedHeaderBlockIsAnsweredWith431() {
        EmbeddedChannel ch = channel();
        assertEquals(431, answer(ch, "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + "b".repeat(300) + "\r\n\r\n"));
        assertFalse(ch.isOpen());
    }

    @Test
    void aBadChunkBeforeAnyResponseIsAnsweredWith400() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.copiedBuffer("POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n",
                StandardCharsets.ISO_8859_1));
        RequestHead head = ch.readInbound();
        assertEquals("/x", head.path());
        assertEquals(400, answer(ch, "zz\r\nabc\r\n"));
        assertFalse(ch.isOpen());
        Object rest;
        while ((rest = ch.readInbound()) != null) {
            ReferenceCountUtil.release(rest);
        }
    }

    @Test
    void aWellFormedRequestPassesUntouched() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.copiedBuffer("GET /ok HTTP/1.1\r\nHost: a\r\n\r\n", StandardCharsets.ISO_8859_1));
        RequestHead r = ch.readInbound();
        assertEquals("/ok", r.path());
        ReferenceCountUtil.release(ch.readInbound());
        assertNull(ch.readOutbound());
        ch.finishAndReleaseAll();
    }
}
