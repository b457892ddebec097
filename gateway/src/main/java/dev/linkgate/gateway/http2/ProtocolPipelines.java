package dev.linkgate.gateway.http2;

import io.netty.channel.ChannelPipeline;

/** Builds the rest of a connection's pipeline once its protocol is known (ALPN, or the h2c preface). */
public interface ProtocolPipelines {
    void http1(ChannelPipeline p);

    void http2(ChannelPipeline p);
}
