package dev.linkgate.gateway.upstream;


/** What the exchange using an upstream connection hears from it, on the connection's event loop. */
public interface UpstreamListener {
    /**
     * A response part: a {@code ResponseHead} or a body piece of bytes for a response relayed as bytes, else
     * Netty's decoded objects. Ownership passes to the listener.
     */
    void upstreamRead(Object msg);

    void upstreamReadComplete();

    void upstreamWritable();

    /** The connection closed (the upstream hung up, or it was reset). */
    void upstreamClosed();

    void upstreamFailed(Throwable cause);
}
