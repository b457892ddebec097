package dev.linkgate.gateway.http;

import dev.linkgate.gateway.admin.RequestMeters;
import dev.linkgate.gateway.reload.LiveConfig;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;

/**
 * What is known about the request being answered on a connection: filled in by the handlers along the way,
 * read by the access log and by the handlers after them. One at a time per connection, on its event loop.
 */
public final class RequestFacts {
    static final AttributeKey<RequestFacts> KEY = AttributeKey.valueOf("linkgate.request");

    private final Instant time;
    private final long startNanos;
    private final String method;
    private final String path;
    private final String protocol;
    private InetAddress peer;
    private InetAddress client;
    private boolean peerTrusted;
    private String decision = "pass";
    private List<String> reasons = List.of();
    private RequestMeters meters;
    private LiveConfig live;
    private long upstreamNanos;
    private int status;
    private long bytes;

    RequestFacts(Instant time, long startNanos, String method, String path, String protocol) {
        this.time = time;
        this.startNanos = startNanos;
        this.method = method;
        this.path = path;
        this.protocol = protocol;
    }

    /** The current request's facts, or null between requests. */
    public static RequestFacts of(Channel channel) {
        return channel.attr(KEY).get();
    }

    public Instant time() {
        return time;
    }

    long startNanos() {
        return startNanos;
    }

    public String method() {
        return method;
    }

    /** The path with any link token redacted. */
    public String path() {
        return path;
    }

    /** HTTP/1.0, HTTP/1.1 or HTTP/2.0. */
    public String protocol() {
        return protocol;
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

    void client(InetAddress peer, boolean peerTrusted, InetAddress client) {
        this.peer = peer;
        this.peerTrusted = peerTrusted;
        this.client = client;
    }

    public String decision() {
        return decision;
    }

    public List<String> reasons() {
        return reasons;
    }

    public void decided(String decision, List<String> reasons) {
        this.decision = decision;
        this.reasons = List.copyOf(reasons);
    }

    /** The config this request is served under from its client-address step on; null before that step. */
    public LiveConfig live() {
        return live;
    }

    void live(LiveConfig live) {
        this.live = live;
    }

    /** The meters this request is counted under; null for passthrough. */
    public RequestMeters meters() {
        return meters;
    }

    public void meters(RequestMeters meters) {
        this.meters = meters;
    }

    public long upstreamNanos() {
        return upstreamNanos;
    }

    public void addUpstreamNanos(long nanos) {
        upstreamNanos += nanos;
    }

    /** The response status, 0 while none has been written. */
    public int status() {
        return status;
    }

    void status(int status) {
        this.status = status;
    }

    public long bytes() {
        return bytes;
    }

    void addBytes(long n) {
        bytes += n;
    }
}
