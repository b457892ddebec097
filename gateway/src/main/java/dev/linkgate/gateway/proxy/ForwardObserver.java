package dev.linkgate.gateway.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponse;

/** Hears how one forward goes, on the client's event loop. Exactly one of responseEnd or failed is called. */
public interface ForwardObserver {
    ForwardObserver NONE = new ForwardObserver() {
    };

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
