package dev.linkgate.gateway.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyProtocolException;
import io.netty.util.AttributeKey;
import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Takes the client's address from the PROXY protocol header (after {@code HAProxyMessageDecoder}), keeps it on
 * the channel, releases the message and leaves the pipeline. A LOCAL command (the balancer's health check)
 * keeps the real peer. A connection without a valid header is closed.
 */
public final class ProxyProtocolHandler extends ChannelInboundHandlerAdapter {
    public static final AttributeKey<InetSocketAddress> SOURCE = AttributeKey.valueOf("linkgate.proxy-source");

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HAProxyMessage message)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (message.command() == HAProxyCommand.PROXY && message.sourceAddress() != null) {
                InetSocketAddress source = address(message.sourceAddress(), message.sourcePort());
                if (source != null) {
                    ctx.channel().attr(SOURCE).set(source);
                }
            }
        } finally {
            message.release();
        }
        // The header was consumed and nobody downstream saw a message: ask for the request itself.
        ctx.read();
        ctx.pipeline().remove(this);
    }

    /** No (valid) PROXY header: the connection did not come through our balancer. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof HAProxyProtocolException) {
            ctx.close();
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }

    private static InetSocketAddress address(String ip, int port) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(ip);
        if (bytes == null) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(bytes), port);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
