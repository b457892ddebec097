package dev.linkgate.gateway.http2;

import dev.linkgate.gateway.http.ConnectionEvent;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/2 client connection: Netty's frame codec (flow control, HPACK, RFC 9113 validation) and one child
 * channel per stream, whose pipeline {@code streams} builds. The codec enforces the limits: concurrent streams,
 * header list size, and the rapid-reset bound (CVE-2023-44487), answered with GOAWAY and a close.
 */
public final class Http2Server {
    /**
     * Rapid reset: more RST_STREAM frames than this from one client within {@link #RESET_WINDOW_SECONDS} ends
     * the connection. A browser cancels a handful of streams when a page is left; an attack sends thousands.
     */
    public static final int MAX_RESETS = 200;
    public static final int RESET_WINDOW_SECONDS = 30;

    /**
     * @param maxConcurrentStreams server.http2.max-concurrent-streams
     * @param maxHeaderListSize    the HTTP/1.1 limits (request line plus header block), as HPACK counts them
     * @param idleTimeout          a connection without open streams for this long is closed (GOAWAY)
     * @param drainTimeout         streams in flight may finish within this after GOAWAY on shutdown
     */
    public record Limits(int maxConcurrentStreams, long maxHeaderListSize, Duration idleTimeout,
                         Duration drainTimeout) {
    }

    private Http2Server() {
    }

    /** Replaces what follows the TLS (or preface) step with HTTP/2. */
    public static void configure(ChannelPipeline p, Limits limits, ChannelHandler streams) {
        Http2FrameCodec codec = Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings()
                        .maxConcurrentStreams(limits.maxConcurrentStreams())
                        .maxHeaderListSize(limits.maxHeaderListSize()))
                .validateHeaders(true)
                .decoderEnforceMaxRstFramesPerWindow(MAX_RESETS, RESET_WINDOW_SECONDS)
                .gracefulShutdownTimeoutMillis(limits.drainTimeout().toMillis())
                .build();
        p.addLast("h2-idle", new IdleStateHandler(0, 0, limits.idleTimeout().toNanos(), TimeUnit.NANOSECONDS));
        p.addLast("h2-frames", codec);
        p.addLast("h2-streams", new Http2MultiplexHandler(streams));
        p.addLast("h2-connection", new ConnectionEvents(codec));
        // Streams pace themselves by flow control (each stream's window opens as its handlers read); the
        // connection itself reads on, so that SETTINGS, PING, WINDOW_UPDATE and other streams are never stuck.
        p.channel().config().setAutoRead(true);
    }

    /** Drain (GOAWAY, then close once streams end), idle close, and connection errors. */
    private static final class ConnectionEvents extends ChannelDuplexHandler {
        private static final Logger LOG = LoggerFactory.getLogger(ConnectionEvents.class);
        private final Http2FrameCodec codec;

        ConnectionEvents(Http2FrameCodec codec) {
            this.codec = codec;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt == ConnectionEvent.DRAIN) {
                // The codec's close sends GOAWAY and waits for open streams up to its graceful timeout.
                ctx.close();
            } else if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.ALL_IDLE
                    && codec.connection().numActiveStreams() == 0) {
                ctx.close();
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (Http2CodecUtil.getEmbeddedHttp2Exception(cause) != null) {
                // A protocol error: the codec answers it (GOAWAY with its error code, e.g. ENHANCE_YOUR_CALM for
                // rapid resets) right after passing it on; closing here first would send GOAWAY(NO_ERROR).
                return;
            }
            LOG.debug("HTTP/2 connection from {}: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }
}
