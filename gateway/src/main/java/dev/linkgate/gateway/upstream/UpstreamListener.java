package dev.linkgate.gateway.upstream;

import io.netty.handler.codec.http.HttpObject;

/** What the exchange using an upstream connection hears from it, on the connection's event loop. */
public interface UpstreamListener {
    /** A decoded response part; ownership passes to the listener. */
    void upstreamRead(HttpObject msg);

    void upstreamReadComplete();

    void upstreamWritable();

    /** The connection closed (the upstream hung up, or it was reset). */
    void upstreamClosed();

    void upstreamFailed(Throwable cause);
}
