package dev.linkgate.gateway.http;

import io.netty.channel.Channel;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.AttributeKey;

/**
 * The client connection a request arrived on. An HTTP/2 request has a stream channel of its own, whose parent is
 * the connection: what belongs to the connection (PROXY protocol source, TLS) is kept there.
 */
public final class Connections {
    /** Set on a connection whose bytes arrive over TLS. */
    public static final AttributeKey<Boolean> SECURE = AttributeKey.valueOf("linkgate.secure");

    private Connections() {
    }

    /** The connection itself: the channel, or an HTTP/2 stream's parent. */
    public static Channel of(Channel channel) {
        return channel instanceof Http2StreamChannel stream ? stream.parent() : channel;
    }

    /** True when the request came over TLS. */
    public static boolean secure(Channel channel) {
        return Boolean.TRUE.equals(of(channel).attr(SECURE).get());
    }
}
