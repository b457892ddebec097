package dev.linkgate.core.history;

import dev.linkgate.core.detect.Evidence;
import dev.linkgate.core.detect.ScannerNetworks;
import dev.linkgate.core.detect.Verdict;
import dev.linkgate.core.policy.Action;
import dev.linkgate.core.policy.Decision;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.core.request.ClientNetwork;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One decided request on a link, as support sees it. Holds no credential and nothing a client chose freely:
 * the client's network rather than its address, the user agent's family and major rather than the string.
 *
 * @param at          when it arrived, to the second
 * @param route       {@code link} or {@code continue}
 * @param method      GET, HEAD, POST, OPTIONS, or OTHER
 * @param action      what linkgate did
 * @param reason      the policy's reason code
 * @param verdict     what the signals said about the client
 * @param signals     the evidence reason codes
 * @param network     the client's /24 (IPv4) or /48 (IPv6)
 * @param networkList the scanner or cloud list that holds the client's address (e.g. microsoft-eop, azure), or null
 * @param client      the user agent's family (Chrome, Safari, curl, ...), or "none"
 * @param major       its major version, 0 when unknown
 * @param replica     the linkgate replica that decided
 */
public record HistoryEvent(Instant at, String route, String method, Action action, String reason, Verdict verdict,
                           List<String> signals, String network, String networkList, String client, int major,
                           String replica) {
    public HistoryEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(verdict, "verdict");
        signals = List.copyOf(signals);
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(replica, "replica");
    }

    /** The event for a decided request. */
    public static HistoryEvent of(ClickRequest request, String route, Decision decision, String replica) {
        String list = null;
        for (Evidence e : decision.classification().evidence()) {
            if (ScannerNetworks.SIGNAL.equals(e.signal()) && e.detail() != null) {
                int space = e.detail().indexOf(' ');
                list = space < 0 ? e.detail() : e.detail().substring(0, space);
            }
        }
        UserAgentFamily ua = UserAgentFamily.of(request.userAgent());
        return new HistoryEvent(request.receivedAt().truncatedTo(ChronoUnit.SECONDS), route, method(request.method()),
                decision.action(), decision.reason().label(), decision.classification().verdict(),
                decision.classification().reasons(), ClientNetwork.describe(request.client()), list, ua.family(),
                ua.major(), replica);
    }

    /** A first open: the link was forwarded to this client (monitor mode forwards everything, so its first counts). */
    public boolean opened() {
        return action == Action.FORWARD;
    }

    static String method(String method) {
        return switch (method) {
            case "GET", "HEAD", "POST", "OPTIONS" -> method;
            default -> "OTHER";
        };
    }
}
