package dev.linkgate.gateway.http;

import io.netty.buffer.Unpooled;
import dev.linkgate.gateway.http1.Http1ServerHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import dev.linkgate.gateway.testing.Requests;
import io.netty.handler.codec.http.FullHttpResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestTimeoutsTest {

    /**
     * As in the gateway: the HTTP/1.1 step (it tells of bytes arriving), the timeouts as a step that sees requests,
     * and as the handler of the connection's events.
     */
    private final RequestTimeouts timeouts = new RequestTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30));

    private EmbeddedChannel channel() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(new Http1ServerHandler(8192, 8192, timeouts::bytesArrived), Steps.handler(timeouts),
                timeouts);
        return ch;
    }

    private static void advance(EmbeddedChannel ch, long millis) {
        ch.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
    }

    @Test
    void headersNotCompleteWithinTheHeaderTimeoutAreAnsweredWith408AndClosed() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.copiedBuffer(new byte[] {'G', 'E', 'T', ' '}));
        releaseAll(ch);

        advance(ch, 1_999);
        assertTrue(ch.isOpen());
        advance(ch, 2);

        FullHttpResponse r = ch.readOutbound();
        assertEquals(408, r.status().code());
        r.release();
        assertFalse(ch.isOpen());
    }

    @Test
    void aRequestWhoseHeadersArriveInTimeIsNotCutOff() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.copiedBuffer(new byte[] {'G'}));
        releaseAll(ch);
        advance(ch, 1_000);
        ch.writeInbound(Requests.of("GET", "/", ""));
        releaseAll(ch);

        advance(ch, 60_000);

        assertTrue(ch.isOpen(), "a request in flight is not the header timeout's business");
        assertNull(ch.readOutbound());
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedSilentlyAfterTheIdleTimeout() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Requests.of("GET", "/", ""));
        releaseAll(ch);
        timeouts.awaitingRequest(); // as keep-alive tells it once the exchange is over

        advance(ch, 29_999);
        assertTrue(ch.isOpen());
        advance(ch, 2);

        assertFalse(ch.isOpen());
        assertNull(ch.readOutbound(), "nobody is waiting for an answer");
    }

    private static void releaseAll(EmbeddedChannel ch) {
        Object m;
        while ((m = ch.readInbound()) != null) {
            io.netty.util.ReferenceCountUtil.release(m);
        }
    }
}
