package dev.linkgate.gateway.http;

import dev.linkgate.gateway.http1.RequestRejected;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * A request the parser refused (a malformed head, framing that could smuggle a second request, a bad chunk, a
 * line or header block over the limits) ends the connection: 400, 414, 431 or 505 when no response to it has
 * started, then close. Nothing after a refusal is read: the bytes that follow cannot be framed. A step of
 * {@link RequestStart}, one per connection.
 */
final class DecodeFailures implements RequestStep {
    private Request current;
    private boolean inBody;

    @Override
    public boolean onRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Request r) {
            current = r;
            inBody = true;
        } else if (msg instanceof LastHttpContent) {
            inBody = false;
        } else if (msg instanceof RequestRejected rejected) {
            refused(ctx, rejected);
            return false;
        }
        return true;
    }

    private void refused(ChannelHandlerContext ctx, RequestRejected rejected) {
        boolean responseStarted = inBody && current != null && current.outcome().status() != 0;
        current = null;
        if (responseStarted) {
            // Part of an answer is out: cutting the connection is the only signal left.
            ctx.close();
        } else {
            LocalResponses.sendAndClose(ctx, HttpResponseStatus.valueOf(rejected.status()));
        }
    }
}
