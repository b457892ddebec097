package dev.linkgate.gateway.http;

import dev.linkgate.gateway.admin.RequestMeters;

import java.util.List;

/**
 * What answering a request produced, for its access log line and its count: the link flow's decision and
 * meters, the time spent waiting on the upstream, and the status and bytes sent. Written on the connection's
 * event loop by the steps that answer, read by the access log when the response has been sent.
 */
public final class Outcome {
    private String decision = "pass";
    private List<String> reasons = List.of();
    private RequestMeters meters;
    private long upstreamNanos;
    private int status;
    private long bytes;

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
