package dev.linkgate.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ProxyProtocolHandlerTest {

    @Test
    void theProxyHeadersSourceBecomesThePeerAndTheRequestBytesFollow() {
        EmbeddedChannel ch = new EmbeddedChannel(new HAProxyMessageDecoder(), new ProxyProtocolHandler());
        ch.writeInbound(Unpooled.copiedBuffer("PROXY TCP4 198.51.100.7 10.0.0.1 55555 80\r\nGET / HTTP/1.1\r\n",
                StandardCharsets.US_ASCII));

        InetSocketAddress source = ch.attr(ProxyProtocolHandler.SOURCE).get();
        assertEquals("198.51.100.7", source.getAddress().getHostAddress());
        assertEquals(55555, source.getPort());
        ByteBuf rest = ch.readInbound();
        assertEquals("GET / HTTP/1.1\r\n", rest.toString(StandardCharsets.US_ASCII));
        rest.release();
        assertNull(ch.pipeline().get(ProxyProtocolHandler.class), "its work is done after the header");
        ch.finishAndReleaseAll();
    }

    @Test
    void aLocalCommandKeepsTheRealPeer() {
        EmbeddedChannel ch = new EmbeddedChannel(new HAProxyMessageDecoder(), new ProxyProtocolHandler());
        byte[] v2Local = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, 0x20, 0x00, 0x00, 0x00};
        ch.writeInbound(Unpooled.wrappedBuffer(v2Local));

        assertNull(ch.attr(ProxyProtocolHandler.SOURCE).get());
        ch.finishAndReleaseAll();
    }

    @Test
    void aConnectionWithoutAProxyHeaderIsClosed() {
        EmbeddedChannel ch = new EmbeddedChannel(new HAProxyMessageDecoder(), new ProxyProtocolHandler());
        ch.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.1\r\nHost: a\r\n\r\n", StandardCharsets.US_ASCII));

        assertFalse(ch.isOpen());
        ch.finishAndReleaseAll();
    }
}
