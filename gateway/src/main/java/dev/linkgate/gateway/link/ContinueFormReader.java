package dev.linkgate.gateway.link;

import dev.linkgate.core.policy.ContinueForm;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

import java.io.ByteArrayOutputStream;

/**
 * The pipeline step that reads the interstitial's form: a continue (a urlencoded POST on a link's path) has its
 * small body read whole here, at most {@link ContinueForm#MAX_BODY_BYTES}, and goes on to the link flow as one
 * {@link ContinueRequest}. A larger body goes on as a continue too large to read, and the rest of it is dropped
 * (the link flow answers 413 and closes). Every other message passes untouched.
 */
final class ContinueFormReader extends ChannelInboundHandlerAdapter {
    private final LinkMatcher links;
    private HttpRequest head;
    private ByteArrayOutputStream form;
    private boolean dropping;

    ContinueFormReader(LinkMatcher links) {
        this.links = links;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest r && ContinueBody.isContinue(r) && isLink(r)) {
            dropping = false;
            if (HttpUtil.getContentLength(r, 0L) > ContinueForm.MAX_BODY_BYTES) {
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
            HttpRequest r = head;
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
        HttpRequest r = head;
        byte[] body = form.toByteArray();
        head = null;
        form = null;
        ctx.fireChannelRead(new ContinueRequest(r, ContinueBody.parse(body), false));
    }

    private void tooLarge(ChannelHandlerContext ctx, HttpRequest r) {
        dropping = true;
        ctx.fireChannelRead(new ContinueRequest(r, null, true));
    }

    private boolean isLink(HttpRequest r) {
        String uri = r.uri();
        int q = uri.indexOf('?');
        String token = links.match(q < 0 ? uri : uri.substring(0, q), q < 0 ? null : uri.substring(q + 1));
        return token != null && !token.isEmpty();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        head = null;
        form = null;
    }

    /**
     * A continue, its form read whole.
     *
     * @param head     the POST's head
     * @param form     its fields; null when the body was too large to be a continue
     * @param tooLarge the body passed {@link ContinueForm#MAX_BODY_BYTES}; the rest of it is not read
     */
    record ContinueRequest(HttpRequest head, ContinueBody form, boolean tooLarge) {
    }
}
