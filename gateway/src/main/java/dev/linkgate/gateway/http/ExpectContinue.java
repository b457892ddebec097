package dev.linkgate.gateway.http;

import dev.linkgate.gateway.http1.RequestHead;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * {@code Expect: 100-continue}: answered here with 100 Continue (only when a body follows); the header is never
 * forwarded, so the upstream never waits on it. Any other expectation gets 417 and the connection closes, since
 * the client may be sending a body we will not read. HTTP/1.0 expectations are ignored (RFC 9110 10.1.1): the
 * parser reports none for them. A step of {@link RequestStart}.
 */
final class ExpectContinue implements RequestStep {
    static final ExpectContinue INSTANCE = new ExpectContinue();

    private ExpectContinue() {
    }

    @Override
    public boolean onRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Request request && request.head().expectation() != RequestHead.Expectation.NONE) {
            RequestHead head = request.head();
            if (head.expectation() == RequestHead.Expectation.OTHER) {
                LocalResponses.sendAndClose(ctx, HttpResponseStatus.EXPECTATION_FAILED);
                return false;
            }
            if (head.hasBody()) {
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                        Unpooled.EMPTY_BUFFER));
            }
        }
        return true;
    }
}
