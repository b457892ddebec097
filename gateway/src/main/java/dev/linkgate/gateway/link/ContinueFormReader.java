package dev.linkgate.gateway.link;

import dev.linkgate.core.policy.ContinueForm;
import dev.linkgate.gateway.http.Request;
import dev.linkgate.gateway.http1.ChunkedBody;
import dev.linkgate.gateway.http1.RequestHead;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;

import java.io.ByteArrayOutputStream;

/**
 * The pipeline step that reads the interstitial's form: a continue (a urlencoded POST on a link's path) has its
 * small body read whole here, at most {@link ContinueForm#MAX_BODY_BYTES}, and goes on to the link flow as one
 * {@link ContinueRequest}. A larger body goes on as a continue too large to read, and the rest of it is dropped
 * (the link flow answers 413 and closes). Every other message passes untouched.
 */
final class ContinueFormReader extends ChannelInboundHandlerAdapter {
    private Request head;
    private ByteArrayOutputStream form;
    private boolean dropping;

    ContinueFormReader() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Request r && r.isLink() && ContinueBody.isContinue(r.head())) {
            dropping = false;
            if (r.head().contentLength() > ContinueForm.MAX_BODY_BYTES) {
                tooLarge(ctx, r);
                return;
            }
            head = r;
            form = new ByteArrayOutputStream();
            ctx.read();
        } else if (msg instanceof HttpContent c && (head != null || dropping)) {
            content(ctx, c);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void content(ChannelHandlerContext ctx, HttpContent c) {
        boolean last = c instanceof LastHttpContent;
        if (dropping) {
            dropping = !last;
            c.release();
            return;
        }
        int n = c.content().readableBytes();
        if (form.size() + n > ContinueForm.MAX_BODY_BYTES) {
            c.release();
            Request r = head;
            head = null;
            form = null;
            tooLarge(ctx, r);
            dropping = !last;
            return;
        }
        byte[] bytes = new byte[n];
        c.content().readBytes(bytes);
        c.release();
        form.writeBytes(bytes);
        if (!last) {
            ctx.read();
            return;
        }
        Request r = head;
        byte[] body = form.toByteArray();
        if (r.head().framing() == RequestHead.Framing.CHUNKED) {
            // The body's bytes come as they arrived: a chunked form is read without its framing.
            body = ChunkedBody.data(body);
        }
        head = null;
        form = null;
        ctx.fireChannelRead(new ContinueRequest(r, ContinueBody.parse(body), false));
    }

    private void tooLarge(ChannelHandlerContext ctx, Request r) {
        dropping = true;
        ctx.fireChannelRead(new ContinueRequest(r, null, true));
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        head = null;
        form = null;
    }

    /**
     * A continue, its form read whole.
     *
     * @param head     the POST
     * @param form     its fields; null when the body was too large to be a continue
     * @param tooLarge the body passed {@link ContinueForm#MAX_BODY_BYTES}; the rest of it is not read
     */
    record ContinueRequest(Request head, ContinueBody form, boolean tooLarge) {
    }
}
