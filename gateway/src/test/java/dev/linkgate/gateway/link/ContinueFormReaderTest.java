package dev.linkgate.gateway.link;

import dev.linkgate.gateway.http.Request;
import dev.linkgate.gateway.testing.Requests;
import dev.linkgate.core.policy.ContinueForm;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The continue form's step, alone on an EmbeddedChannel, as the link flow calls it. */
class ContinueFormReaderTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(alone(new ContinueFormReader()));

    private static ChannelInboundHandler alone(ContinueFormReader reader) {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                Object next = reader.read(ctx, msg);
                if (next != null) {
                    ctx.fireChannelRead(next);
                }
            }
        };
    }

    private static Request post(String path, int length) {
        return Requests.of("POST", path, "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + length + "\r\n");
    }

    private static HttpContent chunk(String text, boolean last) {
        var bytes = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
        return last ? new DefaultLastHttpContent(bytes) : new DefaultHttpContent(bytes);
    }

    @Test
    void aContinuesFormIsReadWholeAndGoesOnAsOneMessage() {
        String form = ContinueForm.TOKEN_FIELD + "=tok%2D1&" + ContinueForm.PROOF_FIELD + "=pr00f";
        Request head = post("/sign/abc", form.length());
        channel.writeInbound(head);
        assertNull(channel.readInbound(), "nothing goes on before the form is whole");
        channel.writeInbound(chunk(form.substring(0, 10), false));
        channel.writeInbound(chunk(form.substring(10), true));

        ContinueFormReader.ContinueRequest c = assertInstanceOf(ContinueFormReader.ContinueRequest.class,
                channel.readInbound());
        assertSame(head, c.head());
        assertEquals("tok-1", c.form().token());
        assertEquals("pr00f", c.form().proof());
        assertNull(channel.readInbound());
    }

    @Test
    void aBodyLargerThanAFormGoesOnAsTooLargeAndItsRestIsDropped() {
        channel.writeInbound(post("/sign/abc", ContinueForm.MAX_BODY_BYTES + 1));
        ContinueFormReader.ContinueRequest c = assertInstanceOf(ContinueFormReader.ContinueRequest.class,
                channel.readInbound());
        assertTrue(c.tooLarge());
        assertNull(c.form());
        HttpContent rest = chunk("x".repeat(100), false);
        LastHttpContent end = (LastHttpContent) chunk("y", true);
        channel.writeInbound(rest, end);
        assertNull(channel.readInbound(), "the rest is dropped");
        assertEquals(0, rest.refCnt());
        assertEquals(0, end.refCnt());
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIsTooLarge() {
        channel.writeInbound(Requests.of("POST", "/sign/abc",
                "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n"));
        channel.writeInbound(chunk("a".repeat(ContinueForm.MAX_BODY_BYTES), false));
        assertNull(channel.readInbound());
        channel.writeInbound(chunk("b", false));
        ContinueFormReader.ContinueRequest c = assertInstanceOf(ContinueFormReader.ContinueRequest.class,
                channel.readInbound());
        assertTrue(c.tooLarge());
        channel.writeInbound(chunk("c", true));
        assertNull(channel.readInbound());
    }

    @Test
    void aChunkedFormIsReadWithoutItsFraming() {
        String form = ContinueForm.TOKEN_FIELD + "=tok&" + ContinueForm.PROOF_FIELD + "=p";
        channel.writeInbound(Requests.of("POST", "/sign/abc",
                "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n"));
        channel.writeInbound(chunk("4;x=1\r\n" + form.substring(0, 4) + "\r\n", false));
        channel.writeInbound(chunk(Integer.toHexString(form.length() - 4) + "\r\n" + form.substring(4)
                + "\r\n0\r\nTrailer-Field: y\r\n\r\n", true));

        ContinueFormReader.ContinueRequest c = assertInstanceOf(ContinueFormReader.ContinueRequest.class,
                channel.readInbound());
        assertEquals("tok", c.form().token());
        assertEquals("p", c.form().proof());
    }

    @Test
    void everythingElsePassesUntouched() {
        Request notALink = post("/upload", 3);
        Request get = Requests.of("GET", "/sign/abc", "");
        HttpContent body = chunk("a=1", true);
        channel.writeInbound(notALink, body, get);
        assertSame(notALink, channel.readInbound());
        assertSame(body, channel.readInbound());
        assertSame(get, channel.readInbound());
        body.release();
    }
}
