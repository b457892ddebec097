package dev.linkgate.gateway.http;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ExpectContinueHandlerTest {

    private static HttpRequest post(HttpVersion version, String expect) {
        HttpRequest r = new DefaultHttpRequest(version, HttpMethod.POST, "/upload");
        r.headers().set("Content-Length", "10").set("Expect", expect);
        return r;
    }

    @Test
    void expect100ContinueIsAnsweredAtOnceAndRemovedBeforeTheRequestGoesOn() {
        EmbeddedChannel ch = new EmbeddedChannel(new ExpectContinueHandler());
        HttpRequest request = post(HttpVersion.HTTP_1_1, "100-Continue");
        ch.writeInbound(request);

        FullHttpResponse interim = ch.readOutbound();
        assertEquals(100, interim.status().code());
        interim.release();
        HttpRequest passed = ch.readInbound();
        assertSame(request, passed);
        assertFalse(passed.headers().contains("Expect"));
        assertFalse(ch.finish());
    }

    @Test
    void anUnsupportedExpectationIsAnsweredWith417AndTheConnectionCloses() {
        EmbeddedChannel ch = new EmbeddedChannel(new ExpectContinueHandler());
        ch.writeInbound(post(HttpVersion.HTTP_1_1, "something-else"));

        FullHttpResponse r = ch.readOutbound();
        assertEquals(417, r.status().code());
        assertEquals("close", r.headers().get("Connection"));
        r.release();
        assertNull(ch.readInbound());
        assertFalse(ch.isOpen());
    }

    @Test
    void anHttp10ExpectationIsIgnored() {
        EmbeddedChannel ch = new EmbeddedChannel(new ExpectContinueHandler());
        ch.writeInbound(post(HttpVersion.HTTP_1_0, "100-continue"));

        assertNull(ch.readOutbound());
        HttpRequest passed = ch.readInbound();
        assertFalse(passed.headers().contains("Expect"));
        assertFalse(ch.finish());
    }
}
