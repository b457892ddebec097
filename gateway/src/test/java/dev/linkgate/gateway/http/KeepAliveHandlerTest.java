package dev.linkgate.gateway.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import dev.linkgate.gateway.testing.Requests;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeepAliveHandlerTest {
    private final AtomicInteger reads = new AtomicInteger();

    /** Keep-alive as in the gateway: a handler for the responses, and the last step of the request's messages. */
    private EmbeddedChannel channel() {
        return channel(null);
    }

    private EmbeddedChannel channel(RequestTimeouts timeouts) {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.config().setAutoRead(false);
        KeepAliveHandler keepAlive = new KeepAliveHandler(timeouts);
        if (timeouts != null) {
            ch.pipeline().addLast(timeouts);
        }
        ch.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
            @Override
            public void read(ChannelHandlerContext ctx) {
                reads.incrementAndGet();
            }
        }, keepAlive, new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (timeouts != null) {
                    timeouts.onRead(ctx, msg); // as RequestStart: the timeouts' step comes before keep-alive's
                }
                boolean next = keepAlive.arrived(msg);
                ctx.fireChannelRead(msg);
                if (next) {
                    keepAlive.next(ctx);
                }
            }
        });
        ch.pipeline().fireChannelActive();
        return ch;
    }

    private static Request get(HttpVersion version, String... headers) {
        StringBuilder head = new StringBuilder("GET / ").append(version.text()).append("\r\nHost: a\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        return Requests.parse(head.append("\r\n").toString(), Requests.SIGN);
    }

    private static FullHttpResponse ok(String body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.copiedBuffer(body.getBytes()));
        r.headers().set("Content-Length", body.length());
        return r;
    }

    private static void answer(EmbeddedChannel ch, Request request, HttpResponse response) {
        ch.writeInbound(request, LastHttpContent.EMPTY_LAST_CONTENT);
        ch.readInbound();
        ch.readInbound();
        ch.writeOutbound(response);
        ch.runPendingTasks();
    }

    @Test
    void theNextRequestIsReadOnlyOnceTheResponseIsWrittenAndTheRequestReadToItsEnd() {
        EmbeddedChannel ch = channel();
        assertEquals(1, reads.get(), "the first request is asked for when the connection opens");

        ch.writeInbound(get(HttpVersion.HTTP_1_1));
        ch.readInbound();
        ch.writeOutbound(ok("a"));
        ch.runPendingTasks();
        assertEquals(1, reads.get(), "the request's end has not been read yet");

        ch.writeInbound(LastHttpContent.EMPTY_LAST_CONTENT);
        ch.readInbound();
        ch.runPendingTasks();
        assertEquals(2, reads.get());
        assertNull(((HttpResponse) ch.readOutbound()).headers().get("Connection"));
        assertTrue(ch.isOpen());
        ch.finishAndReleaseAll();
    }

    @Test
    void theIdleClockRunsOnlyOnceTheExchangeIsOverBothWays() {
        RequestTimeouts timeouts = new RequestTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30));
        EmbeddedChannel ch = channel(timeouts);
        ch.writeInbound(get(HttpVersion.HTTP_1_1));
        ch.readInbound();
        ch.writeOutbound(ok("a"));
        ch.runPendingTasks();
        advance(ch, 60_000);
        assertTrue(ch.isOpen(), "the request's end has not been read: the connection is not idle");

        ch.writeInbound(LastHttpContent.EMPTY_LAST_CONTENT);
        ch.readInbound();
        ch.runPendingTasks();
        advance(ch, 29_999);
        assertTrue(ch.isOpen());
        advance(ch, 2);
        assertFalse(ch.isOpen(), "idle for the idle timeout after the exchange: closed");
        ch.finishAndReleaseAll();
    }

    private static void advance(EmbeddedChannel ch, long millis) {
        ch.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
    }

    @Test
    void anHttp10ClientAskingForKeepAliveIsToldSoAndKept() {
        EmbeddedChannel ch = channel();
        answer(ch, get(HttpVersion.HTTP_1_0, "Connection", "keep-alive"), ok("a"));

        FullHttpResponse r = ch.readOutbound();
        assertEquals("keep-alive", r.headers().get("Connection"));
        r.release();
        assertTrue(ch.isOpen());
        ch.finishAndReleaseAll();
    }

    @Test
    void anHttp10ClientWithoutKeepAliveIsClosedAfterItsResponse() {
        EmbeddedChannel ch = channel();
        answer(ch, get(HttpVersion.HTTP_1_0), ok("a"));

        FullHttpResponse r = ch.readOutbound();
        assertEquals("close", r.headers().get("Connection"));
        r.release();
        assertFalse(ch.isOpen());
    }

    @Test
    void aResponseWhoseEndOnlyTheCloseCanMarkClosesTheConnection() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(get(HttpVersion.HTTP_1_0, "Connection", "keep-alive"), LastHttpContent.EMPTY_LAST_CONTENT);
        ch.readInbound();
        ch.readInbound();
        ch.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        HttpResponse head = ch.readOutbound();
        assertEquals("close", head.headers().get("Connection"));
        ch.writeOutbound(LastHttpContent.EMPTY_LAST_CONTENT);
        assertFalse(ch.isOpen());
        ch.finishAndReleaseAll();
    }

    @Test
    void drainingClosesAnIdleConnectionAtOnceAndABusyOneAfterItsResponse() {
        EmbeddedChannel idle = channel();
        idle.pipeline().fireUserEventTriggered(ConnectionEvent.DRAIN);
        assertFalse(idle.isOpen());

        EmbeddedChannel busy = channel();
        busy.writeInbound(get(HttpVersion.HTTP_1_1), LastHttpContent.EMPTY_LAST_CONTENT);
        busy.pipeline().fireUserEventTriggered(ConnectionEvent.DRAIN);
        assertTrue(busy.isOpen());
        busy.writeOutbound(ok("done"));
        FullHttpResponse r = busy.readOutbound();
        assertEquals("close", r.headers().get("Connection"));
        r.release();
        assertFalse(busy.isOpen());
        releaseInbound(busy);
    }

    private static void releaseInbound(EmbeddedChannel ch) {
        Object m;
        while ((m = ch.readInbound()) != null) {
            ReferenceCountUtil.release(m);
        }
    }
}
