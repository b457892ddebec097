package dev.linkgate.gateway.proxy;

import dev.linkgate.gateway.http.RelayedResponse;
import dev.linkgate.gateway.http1.ResponseHead;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponse;

/** Hears how one forward goes, on the client's event loop. Exactly one of responseEnd or failed is called. */
public interface ForwardObserver {
    ForwardObserver NONE = new ForwardObserver() {
    };

    /**
     * Whether this observer hears a response relayed as bytes to an HTTP/1.1 client
     * ({@link #responseHead(ResponseHead, RelayedResponse)}, then the body's bytes as the upstream framed them);
     * otherwise the response is decoded into Netty's objects for it.
     */
    default boolean hearsBytes() {
        return false;
    }

    /**
     * The upstream's response head, relayed as bytes; {@code response} is what the client will receive, and
     * takes the observer's own additions. {@link #responseBody} then gets the body as the upstream sent it:
     * chunk framing included when {@code head.framing()} is chunked.
     */
    default void responseHead(ResponseHead head, RelayedResponse response) {
    }

    /** The response head as the client receives it (hop-by-hop headers removed). Copy what you keep. */
    default void responseHead(HttpResponse response) {
    }

    /** A chunk of the response body; do not retain it. */
    default void responseBody(ByteBuf chunk) {
    }

    /** The response has been received; {@code complete} is false when the upstream failed mid-body. */
    default void responseEnd(boolean complete) {
    }

    /** No response at all. */
    default void failed(UpstreamError error) {
    }

    /** Keep receiving the response after the client has gone, so that the outcome is still known. */
    default boolean outlivesClient() {
        return false;
    }
}
