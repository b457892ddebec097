package dev.linkgate.gateway.http2;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;

/** After the TLS handshake: HTTP/2 when the client chose h2 by ALPN, else HTTP/1.1 (also without ALPN). */
public final class AlpnChoice extends ApplicationProtocolNegotiationHandler {
    private final ProtocolPipelines pipelines;

    public AlpnChoice(ProtocolPipelines pipelines) {
        super(ApplicationProtocolNames.HTTP_1_1);
        this.pipelines = pipelines;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
        if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
            pipelines.http2(ctx.pipeline());
        } else {
            pipelines.http1(ctx.pipeline());
        }
    }

    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
        // TlsHandshakes counts it; the default would log a warning per connection.
        ctx.close();
    }
}
