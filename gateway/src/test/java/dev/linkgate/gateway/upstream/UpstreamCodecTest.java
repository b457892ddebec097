package dev.linkgate.gateway.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpstreamCodecTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new UpstreamCodec(new HttpDecoderConfig()));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void theHeadIsWrittenAsNettysClientCodecWritesAnAsciiRequest() {
        EmbeddedChannel netty = new EmbeddedChannel(new HttpClientCodec());
        try {
            assertEquals(written(netty, chromeRequest()), written(channel, chromeRequest()));
        } finally {
            netty.finishAndReleaseAll();
        }
    }

    @Test
    void aRawNonAsciiTargetReachesTheUpstreamByteForByte() {
        // What Netty's decoder makes of the bytes GET /caf\xC3\xA9?q=\xE2\x82\xAC: one char per byte.
        String target = new String("/caf\u00c3\u00a9?q=\u00e2\u0082\u00ac".getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.ISO_8859_1);
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
        request.headers().set(HttpHeaderNames.HOST, "app");
        request.headers().set("X-Name", "J\u00f6rg");

        byte[] bytes = written(channel, request).getBytes(StandardCharsets.ISO_8859_1);

        byte[] expected = ("GET /caf\u00c3\u00a9?q=\u00e2\u0082\u00ac HTTP/1.1\r\nhost: app\r\nX-Name: J\u00f6rg\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(new String(expected, StandardCharsets.ISO_8859_1), new String(bytes, StandardCharsets.ISO_8859_1));
        assertEquals((byte) 0xC3, bytes[8], "é is C3 A9 again, not C3 83 C2 A9");
    }

    @Test
    void aCharacterNoDecodedHeadHoldsIsWrittenAsAQuestionMarkNeverAsItsLowByte() {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        // U+010A's low byte is LF: written as that byte it would end the header line.
        request.headers().set("X-Wide", "a\u010ab");

        assertTrue(written(channel, request).contains("X-Wide: a?b\r\n"));
    }

    @Test
    void theResponseToHeadHasNoBodyWhateverItsContentLengthAndTheNextResponseStillParses() {
        channel.writeOutbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.HEAD, "/doc"));
        channel.writeOutbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/doc"));
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
        channel.writeOutbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.HEAD, "/doc"));
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

    private static FullHttpRequest chromeRequest() {
        FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/sign/AbC123?lang=de",
                Unpooled.copiedBuffer("a=1", StandardCharsets.US_ASCII));
        r.headers().set(HttpHeaderNames.HOST, "app.example:8080")
                .set(HttpHeaderNames.USER_AGENT, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                        + "(KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36")
                .set("sec-ch-ua", "\"Google Chrome\";v=\"142\", \"Chromium\";v=\"142\", \"Not_A Brand\";v=\"24\"")
                .set(HttpHeaderNames.ACCEPT, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .set(HttpHeaderNames.CONTENT_LENGTH, 3)
                .add("X-Forwarded-For", "203.0.113.7");
        return r;
    }

    private static String written(EmbeddedChannel channel, HttpRequest request) {
        channel.writeOutbound(request);
        StringBuilder out = new StringBuilder();
        for (Object o; (o = channel.readOutbound()) != null; ) {
            ByteBuf b = (ByteBuf) o;
            out.append(b.toString(StandardCharsets.ISO_8859_1));
            b.release();
        }
        return out.toString();
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
