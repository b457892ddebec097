package dev.linkgate.gateway.upstream;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import dev.linkgate.gateway.http1.ResponseHead;
import io.netty.util.ReferenceCountUtil;

/**
 * One keep-alive connection to the upstream, owned by one event loop's {@link UpstreamPool}. At most one
 * exchange listens at a time; anything the upstream sends while nobody listens (a stray response, bytes past
 * the end of the last one) means the connection is out of step, and it is closed rather than reused.
 */
public final class UpstreamConnection {
    private final Channel channel;
    private UpstreamListener listener;
    private int exchanges;
    private boolean dirty;
    private UpstreamPool releaseTo;
    private boolean releaseReusable;
    /** When it was last handed back to the pool (the loop's ticker), for the pool's idle sweep. */
    long idleSince;

    UpstreamConnection(Channel channel) {
        this.channel = channel;
        channel.pipeline().addLast("exchange", new Events());
    }

    public Channel channel() {
        return channel;
    }

    /** True when this connection already carried an exchange before the current one. */
    public boolean reused() {
        return exchanges > 1;
    }

    public void attach(UpstreamListener l) {
        listener = l;
    }

    /** The exchange is over: from now on, anything from the upstream is out of step. */
    public void detach() {
        listener = null;
    }

    /**
     * The exchange ended inside the read in progress: hand the connection back to {@code pool} once that read
     * is fully processed, so that any byte past the response's end finds no listener and the connection is
     * closed instead of pooled.
     */
    public void releaseAfterRead(UpstreamPool pool, boolean reusable) {
        detach();
        releaseTo = pool;
        releaseReusable = reusable;
    }

    private void releasePending(boolean reusable) {
        UpstreamPool pool = releaseTo;
        if (pool != null) {
            releaseTo = null;
            pool.release(this, reusable && releaseReusable);
        }
    }

    void leased() {
        exchanges++;
    }

    void unleased() {
        exchanges--;
    }

    boolean clean() {
        return !dirty && channel.isActive();
    }

    private final class Events extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            UpstreamListener l = listener;
            if (l != null && (msg instanceof HttpObject || msg instanceof ResponseHead)) {
                l.upstreamRead(msg);
                return;
            }
            ReferenceCountUtil.release(msg);
            dirty = true;
            ctx.close();
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (listener != null) {
                listener.upstreamReadComplete();
            } else {
                releasePending(true);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (listener != null && ctx.channel().isWritable()) {
                listener.upstreamWritable();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            dirty = true;
            releasePending(false);
            UpstreamListener l = listener;
            listener = null;
            if (l != null) {
                l.upstreamClosed();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            dirty = true;
            releasePending(false);
            UpstreamListener l = listener;
            listener = null;
            if (l != null) {
                l.upstreamFailed(cause);
            }
            ctx.close();
        }
    }
}
