package dev.linkgate.gateway.link;

import dev.linkgate.core.policy.ContinueForm;
import dev.linkgate.gateway.http.Request;
import dev.linkgate.gateway.http1.ChunkedBody;
import dev.linkgate.gateway.http1.RequestHead;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;

import java.io.ByteArrayOutputStream;

/**
 * The link flow's first step, which reads the interstitial's form: a continue (a urlencoded POST on a link's path)
 * has its small body read whole here, at most {@link ContinueForm#MAX_BODY_BYTES}, and goes on to the link flow as
 * one {@link ContinueRequest}. A larger body goes on as a continue too large to read, and the rest of it is
 * dropped (the link flow answers 413 and closes). Every other message passes untouched. Called by
 * {@link LinkFlowHandler} for each message rather than as a handler of its own, which would cost every message of
 * every request a pipeline hop.
 */
final class ContinueFormReader {
    private Request head;
    private ByteArrayOutputStream form;
    private boolean dropping;

    ContinueFormReader() {
    }

    /**
     * @return what goes on to the link flow: the message itself, a {@link ContinueRequest} once a continue's form
     *         is whole or too large, or null while this reader keeps (or drops) the message
     */
    Object read(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Request r && r.isLink() && ContinueBody.isContinue(r.head())) {
            dropping = false;
            if (r.head().contentLength() > ContinueForm.MAX_BODY_BYTES) {
                return tooLarge(r);
            }
            head = r;
            form = new ByteArrayOutputStream();
            ctx.read();
            return null;
        }
        if (msg instanceof HttpContent c && (head != null || dropping)) {
            return content(ctx, c);
        }
        return msg;
    }

    private Object content(ChannelHandlerContext ctx, HttpContent c) {
        boolean last = c instanceof LastHttpContent;
        if (dropping) {
            dropping = !last;
            c.release();
            return null;
        }
        int n = c.content().readableBytes();
        if (form.size() + n > ContinueForm.MAX_BODY_BYTES) {
            c.release();
            Request r = head;
            head = null;
            form = null;
            Object tooLarge = tooLarge(r);
            dropping = !last;
            return tooLarge;
        }
        byte[] bytes = new byte[n];
        c.content().readBytes(bytes);
        c.release();
        form.writeBytes(bytes);
        if (!last) {
            ctx.read();
            return null;
        }
        Request r = head;
        byte[] body = form.toByteArray();
        if (r.head().framing() == RequestHead.Framing.CHUNKED) {
            // The body's bytes come as they arrived: a chunked form is read without its framing.
            body = ChunkedBody.data(body);
        }
        head = null;
        form = null;
        return new ContinueRequest(r, ContinueBody.parse(body), false);
    }

    private ContinueRequest tooLarge(Request r) {
        dropping = true;
        return new ContinueRequest(r, null, true);
    }

    /** The connection leaves the link flow (a tunnel): a form half read is forgotten. */
    void clear() {
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
