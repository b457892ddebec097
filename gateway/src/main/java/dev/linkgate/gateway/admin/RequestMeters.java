package dev.linkgate.gateway.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The meters of one (route, decision, reason), resolved when that outcome is first seen: a request then costs
 * an array read and two increments, never a tag list or a registry lookup. The counter for each status code is
 * created the first time that code is sent.
 */
public final class RequestMeters {
    /** Status codes are three digits; anything else (0: nothing was sent) is counted as "0". */
    private static final int CODES = 1000;

    private final Meter.MeterProvider<Counter> requests;
    private final String route;
    private final String decision;
    private final String reason;
    private final LoopLatency duration;
    private final AtomicReferenceArray<Counter> byCode = new AtomicReferenceArray<>(CODES);

    RequestMeters(Meter.MeterProvider<Counter> requests, String route, String decision, String reason, LoopLatency duration) {
        this.requests = requests;
        this.route = route;
        this.decision = decision;
        this.reason = reason;
        this.duration = duration;
    }

    public String route() {
        return route;
    }

    public String decision() {
        return decision;
    }

    public String reason() {
        return reason;
    }

    /** One request answered with {@code status}, {@code nanos} after it arrived. */
    public void finished(int status, long nanos) {
        counter(status).increment();
        duration.record(nanos);
    }

    /** The counter for one status code, created on first use (two threads may both create it: Micrometer dedupes). */
    Counter counter(int status) {
        int code = status > 0 && status < CODES ? status : 0;
        Counter c = byCode.get(code);
        if (c == null) {
            c = requests.withTags("route", route, "decision", decision, "reason", reason, "code",
                    Integer.toString(code));
            byCode.set(code, c);
        }
        return c;
    }
}
