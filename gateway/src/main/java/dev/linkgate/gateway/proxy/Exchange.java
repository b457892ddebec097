package dev.linkgate.gateway.proxy;

import dev.linkgate.gateway.http.AddressText;
import dev.linkgate.gateway.http.LazyTimer;
import dev.linkgate.gateway.http.LocalResponses;
import dev.linkgate.gateway.http.Request;
import dev.linkgate.gateway.http.RelayedResponse;
import dev.linkgate.gateway.http1.HeadWriter;
import dev.linkgate.gateway.http1.ResponseHead;
import io.netty.handler.codec.http2.Http2StreamChannel;
import dev.linkgate.gateway.upstream.UpstreamCodec;
import io.netty.buffer.ByteBuf;
import dev.linkgate.gateway.page.InterstitialPage;
import dev.linkgate.gateway.upstream.UpstreamConnection;
import dev.linkgate.gateway.upstream.UpstreamListener;
import dev.linkgate.gateway.upstream.UpstreamPool;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;

import java.util.Set;
import java.util.function.Consumer;

/**
 * One request forwarded to the upstream and its response streamed back, on the client's event loop (the
 * upstream connection lives on the same loop). Both directions stream with backpressure: the next chunk is read
 * from one side only while the other side is writable, so neither body is ever held whole.
 *
 * <p>The upstream connection is reused only when the exchange ended cleanly: request fully sent, response fully
 * received, keep-alive on both. An idempotent, bodyless request that fails on a reused connection before any
 * response byte (the upstream closed it as we sent) is retried once on a fresh connection.
 */
final class Exchange implements UpstreamListener {
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

    private final ChannelHandlerContext ctx;
    private final Forward forward;
    private final Request request;
    private final ProxyHandler.Settings settings;
    private final HeadWriter heads;
    private final Consumer<Exchange> onDone;
    private final UpstreamPool pool;
    private final boolean head;
    private final boolean http10Client;
    private final boolean bodyless;
    private final LazyTimer timer;
    private final AddressText peerText;
    /** A WebSocket handshake on a non-link path: a 101 turns the two connections into a {@link Tunnel}. */
    private final boolean webSocket;
    /**
     * The response is relayed as bytes (to an HTTP/1.1 client, for a passthrough or an observer that hears bytes);
     * otherwise as Netty's objects, for an HTTP/2 or HTTP/1.0 client or a WebSocket handshake.
     */
    private final boolean relay;
    private final Runnable timedOut = () -> fail(UpstreamError.TIMEOUT);

    /**
     * Where the exchange stands with the upstream: getting a connection (again, for a retry), sending the request,
     * awaiting the response, streaming it to the client, done. The flags below are the facts that do not follow
     * from it: how far the client's side is, and what was learned on the way.
     */
    private enum Phase { CONNECTING, SENDING, AWAITING, STREAMING, DONE }

    private Phase phase = Phase.CONNECTING;
    private UpstreamConnection conn;
    private long startNanos;
    /** The client's request has been read to its end (and, once connected, written on). */
    private boolean requestEnded;
    private boolean clientReadPending;
    private boolean clientGone;
    /** The upstream answered before the request's body was through: neither connection can carry on. */
    private boolean closeClientAfter;
    private boolean upstreamKeepAlive;
    /** A 1xx's body-less parts are still arriving (object mode). */
    private boolean skippingInformational;
    private boolean retried;

    /** @param timer the connection's response clock, this exchange's alone until it is done */
    Exchange(ChannelHandlerContext ctx, Forward forward, ProxyHandler.Settings settings, HeadWriter heads,
             LazyTimer timer, AddressText peerText, Consumer<Exchange> onDone) {
        this.ctx = ctx;
        this.timer = timer;
        this.peerText = peerText;
        this.forward = forward;
        this.request = forward.request();
        this.settings = settings;
        this.heads = heads;
        this.onDone = onDone;
        this.pool = settings.pools().forLoop(ctx.channel().eventLoop());
        this.head = request.isHead();
        this.http10Client = request.head().http10();
        this.requestEnded = forward.bodyRead();
        this.bodyless = forward.bodyRead() || !request.head().hasBody();
        this.webSocket = forward.observer() == ForwardObserver.NONE
                && Upgrade.of(request.head()) == Upgrade.WEBSOCKET;
        this.relay = (forward.observer() == ForwardObserver.NONE || forward.observer().hearsBytes()) && !webSocket
                && !http10Client
                && !(ctx.channel() instanceof Http2StreamChannel);
    }

    void start() {
        startNanos = System.nanoTime();
        if (bodyless) {
            // Take the request's end now (it was decoded with the head): a 502 then needs no Connection: close.
            readClient();
        }
        connect(false);
    }

    /** One read outstanding at most: each read yields one message, so the next request is never read early. */
    private void readClient() {
        if (!clientReadPending && !requestEnded && phase != Phase.DONE) {
            clientReadPending = true;
            ctx.read();
        }
    }

    private void connect(boolean fresh) {
        UpstreamConnection idle = fresh ? null : pool.acquireIdle();
        if (idle != null) {
            connected(idle);
            return;
        }
        pool.acquire(fresh).addListener((Future<UpstreamConnection> f) -> {
            if (!f.isSuccess()) {
                fail(UpstreamError.CONNECT);
            } else if (phase == Phase.DONE) {
                pool.release(f.getNow(), true);
            } else {
                connected(f.getNow());
            }
        });
    }

    /**
     * Writes to the upstream carry its void promise: a failed write fires exceptionCaught on the upstream
     * connection, which closes it and ends this exchange as a reset (a retry or a 502), as a closed one does.
     */
    private void connected(UpstreamConnection c) {
        conn = c;
        phase = Phase.SENDING;
        c.attach(this);
        Channel ch = c.channel();
        // Written anew for each connection tried: a retry sends the same bytes again.
        ByteBuf headBytes = heads.write(request.head(), new HeadWriter.Edits(peerText.of(request.peer()),
                request.peerTrusted(), request.secure(), forward.cookies(), forward.asGet(), webSocket), ch.alloc());
        ch.write(new UpstreamCodec.Head(headBytes, head, relay), ch.voidPromise());
        if (requestEnded) {
            ch.flush();
            phase = Phase.AWAITING;
            armTimer();
        } else {
            ch.flush();
            readClient();
        }
        // Read from the start: the upstream may answer before the request body is through.
        ch.read();
    }

    /** A chunk of the request body from the client. */
    void requestContent(HttpContent content) {
        clientReadPending = false;
        boolean last = content instanceof LastHttpContent;
        if (last) {
            requestEnded = true;
        }
        if (phase == Phase.DONE || conn == null || closeClientAfter) {
            ReferenceCountUtil.release(content);
            return;
        }
        // The body's bytes as they came (a chunked body with its framing). A write that fails closes the
        // connection; upstreamFailed then decides between a retry and a 502.
        ByteBuf bytes = content.content();
        if (bytes.isReadable()) {
            conn.channel().writeAndFlush(bytes, conn.channel().voidPromise());
        } else {
            content.release();
            conn.channel().flush();
        }
        if (last) {
            if (phase == Phase.SENDING) {
                phase = Phase.AWAITING;
                armTimer();
            }
        } else if (conn.channel().isWritable()) {
            readClient();
        }
    }

    @Override
    public void upstreamWritable() {
        if (conn != null && !closeClientAfter) {
            readClient();
        }
    }

    @Override
    public void upstreamRead(Object msg) {
        cancelTimer();
        if (phase == Phase.DONE) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpObject o && o.decoderResult().isFailure()) {
            ReferenceCountUtil.release(msg);
            fail(UpstreamError.PROTOCOL);
            return;
        }
        if (msg instanceof ResponseHead relayed) {
            relayedHead(relayed);
        } else if (msg instanceof HttpResponse response) {
            responseHead(response);
        }
        if (msg instanceof HttpContent content) {
            responseContent(content);
        }
    }

    /** A response relayed as bytes: 1xx are not passed on (the client gets only the final response). */
    private void relayedHead(ResponseHead response) {
        if (response.informational()) {
            if (response.status() == 101) {
                // Nothing asked to switch protocols (the Upgrade header is not forwarded on this path).
                fail(UpstreamError.PROTOCOL);
            }
            return;
        }
        phase = Phase.STREAMING;
        upstreamKeepAlive = response.keepAlive();
        closeClientAfter = !requestEnded;
        RelayedResponse relayed = new RelayedResponse(response, closeClientAfter);
        forward.observer().responseHead(response, relayed);
        if (!clientGone) {
            ctx.write(relayed, ctx.voidPromise());
        }
    }

    private void responseHead(HttpResponse response) {
        if (webSocket && response.status().code() == 101) {
            switchProtocols(response);
            return;
        }
        if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
            // 100 Continue, 103 Early Hints: the client gets only the final response.
            skippingInformational = true;
            return;
        }
        phase = Phase.STREAMING;
        if (webSocket) {
            settings.metrics().edge().upgrade("declined");
        }
        upstreamKeepAlive = HttpUtil.isKeepAlive(response);
        int code = response.status().code();
        ForwardHeaders.toClient(response, !head && code != 204 && code != 304, http10Client);
        if (!requestEnded) {
            closeClientAfter = true;
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        forward.observer().responseHead(response);
        if (!clientGone) {
            // Client writes carry the void promise too: a failure fires exceptionCaught, and the proxy handler
            // closes the connection.
            ctx.write(response, ctx.voidPromise());
        }
    }

    private void responseContent(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (skippingInformational) {
            skippingInformational = !last;
            content.release();
            return;
        }
        forward.observer().responseBody(content.content());
        if (last) {
            // Settle everything before the client sees the end: its next request may start right away.
            finish();
        }
        if (clientGone) {
            content.release();
        } else if (last) {
            ctx.writeAndFlush(content, ctx.voidPromise());
        } else {
            ctx.write(content, ctx.voidPromise());
        }
    }

    @Override
    public void upstreamReadComplete() {
        if (phase == Phase.DONE) {
            return;
        }
        if (!clientGone) {
            ctx.flush();
        }
        if (clientGone || ctx.channel().isWritable()) {
            readUpstream();
        }
    }

    /** The client drained its buffer: take the next chunk of the response. */
    void clientWritable() {
        if (phase == Phase.STREAMING && conn != null) {
            readUpstream();
        }
    }

    private void readUpstream() {
        conn.channel().read();
        if (phase == Phase.AWAITING || phase == Phase.STREAMING && !closeClientAfter) {
            // The request is all sent: the upstream owes the rest of its answer within the response timeout.
            armTimer();
        }
    }

    @Override
    public void upstreamClosed() {
        if (phase != Phase.DONE) {
            fail(UpstreamError.RESET);
        }
    }

    @Override
    public void upstreamFailed(Throwable cause) {
        if (phase != Phase.DONE) {
            fail(cause instanceof DecoderException ? UpstreamError.PROTOCOL : UpstreamError.RESET);
        }
    }

    /** The client connection closed. A claimed link's forward carries on to learn its outcome. */
    void clientClosed() {
        if (phase == Phase.DONE) {
            return;
        }
        clientGone = true;
        if (forward.observer().outlivesClient() && requestEnded) {
            if (phase == Phase.STREAMING && conn != null) {
                readUpstream();
            }
            return;
        }
        fail(UpstreamError.ABORTED);
    }

    /**
     * The upstream accepted the WebSocket handshake: the client gets the 101 with its Upgrade and Connection
     * headers, and both connections leave HTTP (the upstream one leaves the pool; it is counted as open there
     * until the tunnel closes).
     */
    private void switchProtocols(HttpResponse response) {
        phase = Phase.DONE;
        releaseTimer();
        settings.metrics().edge().upgrade("switched");
        UpstreamConnection c = conn;
        conn = null;
        c.detach();
        long nanos = System.nanoTime() - startNanos;
        settings.metrics().upstreamDuration(nanos);
        addUpstreamTime(nanos);
        if (clientGone) {
            c.channel().close();
        } else {
            Tunnel.switchProtocols(ctx, response, c.channel(), settings.tunnelIdle());
        }
        onDone.accept(this);
    }

    private void finish() {
        phase = Phase.DONE;
        releaseTimer();
        // Reused only after a clean end: the request all sent before the answer, keep-alive on the upstream's side.
        boolean reusable = !closeClientAfter && upstreamKeepAlive;
        UpstreamConnection c = conn;
        conn = null;
        c.releaseAfterRead(pool, reusable);
        long nanos = System.nanoTime() - startNanos;
        settings.metrics().upstreamDuration(nanos);
        addUpstreamTime(nanos);
        forward.observer().responseEnd(true);
        onDone.accept(this);
    }

    private void fail(UpstreamError error) {
        if (phase == Phase.DONE) {
            return;
        }
        cancelTimer();
        boolean reused = conn != null && conn.reused();
        boolean started = phase == Phase.STREAMING;
        if (conn != null) {
            UpstreamConnection c = conn;
            conn = null;
            c.detach();
            pool.release(c, false);
        }
        if (canRetry(error, reused, started)) {
            retried = true;
            phase = Phase.CONNECTING;
            connect(true);
            return;
        }
        phase = Phase.DONE;
        releaseTimer();
        addUpstreamTime(System.nanoTime() - startNanos);
        if (error != UpstreamError.ABORTED) {
            settings.metrics().upstreamError(error.label());
        }
        if (started) {
            forward.observer().responseEnd(false);
            if (!clientGone) {
                // Part of the response is out: the only honest signal left is to cut the connection.
                ctx.close();
            }
        } else {
            forward.observer().failed(error);
            if (!clientGone) {
                ctx.writeAndFlush(problemPage(error));
            }
        }
        onDone.accept(this);
    }

    private boolean canRetry(UpstreamError error, boolean reused, boolean started) {
        return error == UpstreamError.RESET && reused && !retried && !started && bodyless
                && requestEnded && !clientGone && IDEMPOTENT.contains(request.method());
    }

    private FullHttpResponse problemPage(UpstreamError error) {
        FullHttpResponse r = LocalResponses.problem(settings.pages(), request, error == UpstreamError.TIMEOUT
                ? InterstitialPage.Problem.UPSTREAM_TIMEOUT : InterstitialPage.Problem.UPSTREAM_UNAVAILABLE);
        if (!requestEnded) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return r;
    }

    private void armTimer() {
        timer.arm(settings.responseTimeout().toNanos(), timedOut);
    }

    private void cancelTimer() {
        timer.disarm(timedOut);
    }

    /** This exchange is over: an exchange that outlived its client also ends the connection's clock. */
    private void releaseTimer() {
        if (clientGone) {
            timer.stop();
        } else {
            cancelTimer();
        }
    }

    private void addUpstreamTime(long nanos) {
        if (!clientGone) {
            request.outcome().addUpstreamNanos(nanos);
        }
    }

}
