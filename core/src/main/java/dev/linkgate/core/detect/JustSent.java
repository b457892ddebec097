package dev.linkgate.core.detect;

import dev.linkgate.core.config.LinkRoute;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.core.request.LinkRoutes;

import java.time.Duration;
import java.util.List;

/**
 * The time-since-sending signal. A scanner fetches a link seconds after the email is delivered; a person
 * rarely clicks within the first minute. Where the link carries its send time ({@code links[].sent-at}), a
 * click within {@code policy.just-sent-window} of it is SUSPECT ({@code just_sent}). A missing, unreadable or
 * future (beyond {@code policy.clock-skew}) time is only noted ({@code sent_at_invalid}): the value is the
 * sender's, and a broken one must not hold a person back.
 */
public final class JustSent {
    public static final String SIGNAL = "sent_at";
    public static final String JUST_SENT = "just_sent";
    public static final String INVALID = "sent_at_invalid";
    /** 13 digits is milliseconds (any time from 2001 to 2286); fewer is seconds. */
    private static final int MILLIS_DIGITS = 13;
    private static final int MAX_DIGITS = 18;

    /** No link carries a send time. */
    public static final JustSent NONE = new JustSent(List.of(), Duration.ofSeconds(1), Duration.ofSeconds(1));

    private final LinkRoutes routes;
    private final boolean any;
    private final long windowMillis;
    private final long skewMillis;

    public JustSent(List<LinkRoute> links, Duration window, Duration clockSkew) {
        this.routes = LinkRoutes.of(links);
        this.any = links.stream().anyMatch(l -> l.sentAt() != null);
        this.windowMillis = window.toMillis();
        this.skewMillis = clockSkew.toMillis();
    }

    /** SUSPECT evidence when the click came within the window, a note when the time is unusable, else null. */
    public Evidence check(ClickRequest request) {
        if (!any) {
            return null;
        }
        LinkRoute route = routes.routeOf(request.path(), request.query());
        if (route == null || route.sentAt() == null) {
            return null;
        }
        String value = LinkRoutes.parameter(request.query(), route.sentAt());
        long sentAt = parseMillis(value);
        long now = request.receivedAt().toEpochMilli();
        if (sentAt < 0) {
            return new Evidence(SIGNAL, Weight.NOTE, INVALID, value == null ? "no " + route.sentAt() + " parameter"
                    : "unreadable " + route.sentAt());
        }
        long age = now - sentAt;
        if (age < -skewMillis) {
            return new Evidence(SIGNAL, Weight.NOTE, INVALID, route.sentAt() + " is " + (-age / 1000)
                    + " s in the future");
        }
        if (age < windowMillis) {
            return new Evidence(SIGNAL, Weight.SUSPECT, JUST_SENT, "clicked " + Math.max(0, age / 1000)
                    + " s after sending");
        }
        return null;
    }

    /** Unix seconds, or milliseconds when 13 digits; -1 when not a number. */
    static long parseMillis(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_DIGITS) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        if (value.length() == MILLIS_DIGITS) {
            return v;
        }
        // Seconds this large are far in the future anyway; saturate rather than overflow.
        return v > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : v * 1000;
    }
}
