package dev.linkgate.gateway.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OneMessagePerReadTest {

    private static EmbeddedChannel channel(List<Object> seen, boolean readAgainOnEachMessage) {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setAutoRead(false);
        ch.pipeline().addLast(new OneMessagePerRead(), new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                seen.add(msg);
                if (readAgainOnEachMessage) {
                    ctx.read();
                }
            }
        });
        return ch;
    }

    @Test
    void messagesDecodedTogetherAreHandedOverOnePerRead() {
        List<Object> seen = new ArrayList<>();
        EmbeddedChannel ch = channel(seen, false);

        ch.writeInbound("request 1", "request 2", "request 3");
        assertEquals(List.of(), seen);
        ch.read();
        assertEquals(List.of("request 1"), seen);
        ch.read();
        ch.read();
        assertEquals(List.of("request 1", "request 2", "request 3"), seen);
    }

    @Test
    void aReadAskedForWhileHandlingAMessageIsMetByOneArrivingLaterInAnotherSocketRead() {
        List<Object> seen = new ArrayList<>();
        EmbeddedChannel ch = channel(seen, false);
        ch.read();
        ch.writeInbound("head");
        ch.pipeline().fireChannelReadComplete();
        ch.read();
        ch.pipeline().fireChannelReadComplete();

        ch.writeInbound("body");

        assertEquals(List.of("head", "body"), seen);
    }

    @Test
    void repeatedReadsNeverReleaseMoreThanOneMessage() {
        List<Object> seen = new ArrayList<>();
        EmbeddedChannel ch = channel(seen, false);
        ch.read();
        ch.read();
        ch.read();

        ch.writeInbound("request 1", "request 2");

        assertEquals(List.of("request 1"), seen);
    }

    @Test
    void aSocketReadStaysRequestedWhileNothingWaitsAndStopsOnceSomethingWaitsUnasked() {
        List<Object> seen = new ArrayList<>();
        int[] socketReads = {0};
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setAutoRead(false);
        ch.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
            @Override
            public void read(ChannelHandlerContext ctx) {
                socketReads[0]++;
                ctx.read();
            }
        }, new OneMessagePerRead(), new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                seen.add(msg);
            }
        });

        ch.read();
        ch.writeInbound("request 1");
        assertEquals(List.of("request 1"), seen);
        assertEquals(2, socketReads[0], "asked for, then read ahead once delivered");

        ch.writeInbound("request 2");
        ch.writeInbound("request 3");
        assertEquals(List.of("request 1"), seen, "nobody asked yet");
        assertEquals(2, socketReads[0], "a message waits: no more is read");

        ch.read();
        ch.read();
        assertEquals(List.of("request 1", "request 2", "request 3"), seen);
        assertEquals(3, socketReads[0], "reading resumes once nothing waits");
    }
}
