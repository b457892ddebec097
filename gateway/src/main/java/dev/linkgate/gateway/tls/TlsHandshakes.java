package dev.linkgate.gateway.tls;

import dev.linkgate.gateway.admin.EdgeMetrics;
import dev.linkgate.gateway.http.Connections;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a TLS connection's handshake: starts reading (auto-read is off), marks the connection secure, and
 * counts a failed handshake by reason. Failures are routine on the internet (scanners, old clients, plain HTTP
 * on the TLS port), so they are logged at debug only; errors before the handshake ends stop here.
 */
public final class TlsHandshakes extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(TlsHandshakes.class);
    private final EdgeMetrics metrics;
    private boolean done;

    public TlsHandshakes(EdgeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.channel().attr(Connections.SECURE).set(Boolean.TRUE);
        ctx.fireChannelActive();
        ctx.read();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent e && !done) {
            done = true;
            if (!e.isSuccess()) {
                String reason = TlsFailure.reason(e.cause());
                metrics.handshakeFailed(reason);
                if (LOG.isDebugEnabled()) {
                    LOG.debug("TLS handshake with {} failed ({}): {}", ctx.channel().remoteAddress(), reason,
                            e.cause().toString());
                }
                ctx.close();
            } else {
                ctx.pipeline().remove(this);
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // During the handshake: the completion event counts it; nothing after this handler can answer.
        if (LOG.isDebugEnabled()) {
            LOG.debug("TLS connection from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        }
        ctx.close();
    }
}
