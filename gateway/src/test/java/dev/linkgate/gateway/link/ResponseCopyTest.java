package dev.linkgate.gateway.link;

import dev.linkgate.core.ledger.SharedResponse;
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

        SharedResponse shared = copy.result();

        assertNotNull(shared);
        assertEquals(302, shared.status());
        assertEquals(List.of(Map.entry("Location", "/documents/1"), Map.entry("Set-Cookie", "sid=1; HttpOnly"),
                Map.entry("X-File", "Vertrag_M\u00c3\u00bcller.pdf")), shared.headers());
        assertArrayEquals("ok".getBytes(StandardCharsets.US_ASCII), shared.body());
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
}
