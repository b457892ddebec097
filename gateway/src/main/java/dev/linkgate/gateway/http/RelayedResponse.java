package dev.linkgate.gateway.http;

import dev.linkgate.gateway.http1.ResponseHead;
import io.netty.buffer.ByteBuf;

/**
 * An upstream's response head on its way to an HTTP/1.1 client as bytes: the parsed head, and what the steps
 * on the way decide about it (the keep-alive step: whether the client's connection stays open). Its body follows
 * as {@code HttpContent} pieces holding the upstream's bytes; {@link ResponseEncoder} writes both.
 */
public final class RelayedResponse {
    private final ResponseHead head;
    private final boolean closeAfter;
    private String connection;
    private String setCookie;

    /**
     * @param closeAfter the client's connection must close after this response (the upstream answered before
     *                   the request's body was through)
     */
    public RelayedResponse(ResponseHead head, boolean closeAfter) {
        this.head = head;
        this.closeAfter = closeAfter;
    }

    public ResponseHead head() {
        return head;
    }

    public int status() {
        return head.status();
    }

    public boolean closeAfter() {
        return closeAfter;
    }

    /** A body that ends with the upstream's close is chunked for the client, so its connection can stay. */
    public boolean chunkBody() {
        return head.framing() == ResponseHead.Framing.CLOSE;
    }

    /** Adds linkgate's own {@code Set-Cookie} (a first click's browser cookie), after the upstream's fields. */
    public void addSetCookie(String value) {
        setCookie = value;
    }

    /** Bytes beyond the upstream's head that {@link #writeTo} may add. */
    int extraLength() {
        return 64 + (setCookie == null ? 0 : setCookie.length() + 16);
    }

    /** The client connection's {@code Connection} value, or null for none (HTTP/1.1 keep-alive). */
    void connection(String value) {
        connection = value;
    }

    void writeTo(ByteBuf out) {
        head.writeForClient(out, connection, setCookie, chunkBody());
    }
}
