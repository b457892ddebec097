package dev.linkgate.gateway.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** A {@link RequestStep} on its own in a pipeline, as {@link RequestStart} calls it, for testing it alone. */
final class Steps {
    private Steps() {
    }

    static ChannelInboundHandler handler(RequestStep step) {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (step.onRead(ctx, msg)) {
                    ctx.fireChannelRead(msg);
                }
            }
        };
    }
}
