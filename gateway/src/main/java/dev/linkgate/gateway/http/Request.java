package dev.linkgate.gateway.http;

import dev.linkgate.gateway.http1.RequestHead;
import dev.linkgate.gateway.reload.LiveConfig;

import java.net.InetAddress;
import java.time.Instant;

/**
 * One request as it travels down a client pipeline, built once by the {@link RequestStart} step: its head
 * (parsed once, immutable), when it arrived, its path, query and link token (matched once), who sent it, and the
 * live config it is served under to its end. The steps after read it from the message; nothing about a request
 * is kept on the channel. What they learn while answering it goes into its {@link Outcome}, which the access log
 * reads once the response is sent.
 */
public final class Request {
    private final RequestHead head;
    private final Instant time;
    private final long startNanos;
    private final String protocol;
    private final String path;
    private final String query;
    private final String token;
    private final InetAddress peer;
    private final InetAddress client;
    private final boolean peerTrusted;
    private final boolean secure;
    private final LiveConfig live;
    private final Outcome outcome = new Outcome();

    /**
     * @param token       the link token when the path is a link route, else null
     * @param peer        the address that connected (or the PROXY protocol's source)
     * @param client      the client: the peer, or the X-Forwarded-For hop a trusted peer vouched for
     * @param peerTrusted the peer is one of client-ip.trusted-proxies
     * @param secure      the request came over TLS
     */
    public Request(RequestHead head, Instant time, long startNanos, String protocol, String path, String query,
                   String token, InetAddress peer, InetAddress client, boolean peerTrusted, boolean secure,
                   LiveConfig live) {
        this.head = head;
        this.time = time;
        this.startNanos = startNanos;
        this.protocol = protocol;
        this.path = path;
        this.query = query;
        this.token = token;
        this.peer = peer;
        this.client = client;
        this.peerTrusted = peerTrusted;
        this.secure = secure;
        this.live = live;
    }

    public RequestHead head() {
        return head;
    }

    public Instant time() {
        return time;
    }

    public long startNanos() {
        return startNanos;
    }

    /** HTTP/1.0, HTTP/1.1 or HTTP/2.0, as the access log writes it. */
    public String protocol() {
        return protocol;
    }

    public String method() {
        return head.method();
    }

    public boolean isHead() {
        return "HEAD".equals(head.method());
    }

    /** The raw path in origin form, without the query. */
    public String path() {
        return path;
    }

    /** The raw query without '?', or null. */
    public String query() {
        return query;
    }

    /** The link token when this is a link route, else null. */
    public String token() {
        return token;
    }

    public boolean isLink() {
        return token != null && !token.isEmpty();
    }

    public InetAddress peer() {
        return peer;
    }

    public InetAddress client() {
        return client;
    }

    public boolean peerTrusted() {
        return peerTrusted;
    }

    public boolean secure() {
        return secure;
    }

    public LiveConfig live() {
        return live;
    }

    public Outcome outcome() {
        return outcome;
    }

    @Override
    public String toString() {
        // The path may carry a link token, a credential.
        return "Request[" + head.method() + ", " + protocol + "]";
    }
}
