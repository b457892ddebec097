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

class RequestTargetTest {

    @Test
    void anAbsoluteFormTargetIsReducedToItsPathAndQuery() {
        assertEquals("/sign/abc?x=1", RequestTarget.originForm("http://gate.example/sign/abc?x=1"));
        assertEquals("/", RequestTarget.originForm("HTTPS://gate.example"));
        assertEquals("/?x=1", RequestTarget.originForm("http://gate.example?x=1"));
        assertEquals("/sign/abc", RequestTarget.originForm("/sign/abc"));
    }

    @Test
    void theAuthorityIsTheHostWithoutUserInfo() {
        assertEquals("gate.example:8080", RequestTarget.authority("http://user:pw@gate.example:8080/x"));
        assertNull(RequestTarget.authority("/x"));
    }

    @Test
    void otherFormsAreNotTargetsWeServe() {
        assertNull(RequestTarget.originForm("gate.example:443"));
        assertNull(RequestTarget.originForm("ftp://gate.example/x"));
        assertNull(RequestTarget.originForm("sign/abc"));
    }

    @Test
    void theHandlerRewritesTheRequestBeforeAnyoneMatchesItsPath() {
        EmbeddedChannel ch = new EmbeddedChannel(new RequestTargetHandler());
        HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "http://gate.example/sign/abc");
        r.headers().set("Host", "other.example");
        ch.writeInbound(r);

        HttpRequest passed = ch.readInbound();
        assertEquals("/sign/abc", passed.uri());
        assertEquals("gate.example", passed.headers().get("Host"));
        assertFalse(ch.finish());
    }

    @Test
    void anAuthorityFormTargetIsAnswered400AndClosed() {
        EmbeddedChannel ch = new EmbeddedChannel(new RequestTargetHandler());
        ch.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.CONNECT, "gate.example:443"));

        FullHttpResponse r = ch.readOutbound();
        assertEquals(400, r.status().code());
        r.release();
        assertNull(ch.readInbound());
        assertFalse(ch.isOpen());
    }
}
