package dev.linkgate.gateway.http;

import io.netty.channel.embedded.EmbeddedChannel;
import dev.linkgate.gateway.http1.HeadWriter;
import dev.linkgate.gateway.http1.RequestHead;
import dev.linkgate.gateway.testing.Requests;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ExpectContinueTest {

    private static Request post(HttpVersion version, String expect) {
        return Requests.parse("POST /upload " + version.text() + "\r\nHost: a\r\nContent-Length: 10\r\nExpect: "
                + expect + "\r\n\r\n", Requests.SIGN);
    }

    @Test
    void expect100ContinueIsAnsweredAtOnceAndTheRequestGoesOn() {
        EmbeddedChannel ch = new EmbeddedChannel(Steps.handler(ExpectContinue.INSTANCE));
        Request request = post(HttpVersion.HTTP_1_1, "100-Continue");
        ch.writeInbound(request);

        FullHttpResponse interim = ch.readOutbound();
        assertEquals(100, interim.status().code());
        interim.release();
        Request passed = ch.readInbound();
        assertSame(request, passed);
        assertFalse(ch.finish());
    }

    @Test
    void anUnsupportedExpectationIsAnsweredWith417AndTheConnectionCloses() {
        EmbeddedChannel ch = new EmbeddedChannel(Steps.handler(ExpectContinue.INSTANCE));
        ch.writeInbound(post(HttpVersion.HTTP_1_1, "something-else"));

        FullHttpResponse r = ch.readOutbound();
        assertEquals(417, r.status().code());
        assertEquals("close", r.headers().get("Connection"));
        r.release();
        assertNull(ch.readInbound());
        assertFalse(ch.isOpen());
    }

    @Test
    void expectIsNeverForwardedSoTheUpstreamNeverWaitsOnIt() {
        Request request = post(HttpVersion.HTTP_1_1, "100-continue");
        ByteBuf head = new HeadWriter("app:80", true).write(request.head(), "192.0.2.10", false, Set.of(),
                UnpooledByteBufAllocator.DEFAULT);
        try {
            assertFalse(head.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).contains("expect"));
        } finally {
            head.release();
        }
    }

    @Test
    void anHttp10ExpectationIsIgnored() {
        EmbeddedChannel ch = new EmbeddedChannel(Steps.handler(ExpectContinue.INSTANCE));
        ch.writeInbound(post(HttpVersion.HTTP_1_0, "100-continue"));

        assertNull(ch.readOutbound());
        Request passed = ch.readInbound();
        assertEquals(RequestHead.Expectation.NONE, passed.head().expectation());
        assertFalse(ch.finish());
    }
}
