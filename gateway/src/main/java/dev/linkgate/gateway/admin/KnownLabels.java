package dev.linkgate.gateway.admin;

import dev.linkgate.core.detect.Detector;

import java.util.ArrayList;
import java.util.List;

/**
 * The label values known before any traffic, so that their series exist from the start at 0: an alert on
 * {@code rate(...)} then sees 0 rather than no data. Each (route, decision, reason) is listed with the status
 * linkgate itself answers it with, or 200 for what the upstream answers; other codes appear when first sent.
 */
final class KnownLabels {
    private KnownLabels() {
    }

    record Outcome(String route, String decision, String reason, int code) {
    }

    /** What the click policy can decide in balanced and strict mode (monitor forwards with the same reasons). */
    static final List<Outcome> OUTCOMES = outcomes();

    static final List<String> CONTINUE_RESULTS = List.of("accepted", "token_invalid", "token_expired",
            "token_replayed", "gesture_required", "store_unavailable");

    static final List<String> DUPLICATE_KINDS = List.of("coalesced", "too_large", "interstitial", "timeout");

    /** {@code aborted} (the client left) is not the upstream's fault and is never counted. */
    static final List<String> UPSTREAM_ERRORS = List.of("connect", "timeout", "reset", "protocol");

    static final List<String> SIGNALS = signals();

    private static List<Outcome> outcomes() {
        List<Outcome> all = new ArrayList<>();
        all.add(new Outcome("passthrough", "pass", "none", 200));
        all.add(new Outcome("link", "forward", "first_click", 200));
        all.add(new Outcome("link", "forward", "reclick_owner", 200));
        all.add(new Outcome("link", "coalesce", "double_click", 200));
        all.add(new Outcome("link", "resume", "same_browser", 200));
        for (String reason : List.of("reclick", "in_flight_other", "bot", "suspect", "fan_out", "unconfirmed",
                "strict", "claimed", "store_unavailable")) {
            all.add(new Outcome("link", "interstitial", reason, 200));
        }
        all.add(new Outcome("link", "error", "policy_error", 502));
        all.add(new Outcome("continue", "forward", "continue", 200));
        for (String reason : List.of("token_invalid", "token_expired", "token_replayed", "gesture_required")) {
            all.add(new Outcome("continue", "reject", reason, 403));
        }
        all.add(new Outcome("continue", "reject", "body_too_large", 413));
        all.add(new Outcome("continue", "interstitial", "store_unavailable", 200));
        all.add(new Outcome("continue", "error", "policy_error", 502));
        return List.copyOf(all);
    }

    private static List<String> signals() {
        List<String> all = new ArrayList<>(Detector.REASONS);
        all.add("other");
        all.sort(null);
        return List.copyOf(all);
    }
}
