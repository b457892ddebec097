package dev.linkgate.gateway.http1;

import dev.linkgate.gateway.testing.Poll;
import dev.linkgate.gateway.testing.RawUpstream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sends a corpus case to a running gateway over a fresh connection and checks, against
 * {@link GatewayExpectation}, what the client got back and what the upstream received. Cases run one after
 * another; after each, a marker request on another connection is answered before the upstream's record is read,
 * so whatever the case made the gateway send upstream has arrived by then.
 */
final class OverTheWire {
    private static final String MARKER = "/wire-test-marker";

    private final int gatewayPort;
    private final RecordingUpstream upstream;
    /**
     * Heads whose body the parser refused or did not see end: the gateway may have sent one upstream, and may do so
     * only after the case's marker (its exchange was still connecting when the client was answered and gone).
     * Each may arrive once, cut off, in any later window.
     */
    private final List<GatewayExpectation.Unfinished> mayArrive = new ArrayList<>();
    /** Requests the upstream received cut off: heads the parser accepted whose body it refused or never saw end. */
    int cutOff;

    OverTheWire(int gatewayPort, RecordingUpstream upstream) {
        this.gatewayPort = gatewayPort;
        this.upstream = upstream;
    }

    /** What went wrong with the case, or null when the gateway did what the parser decided. */
    String check(Corpus.Case c, boolean inPieces) throws Exception {
        GatewayExpectation expected = GatewayExpectation.of(c.bytes());
        String consistent = sameAsParserRun(c, expected);
        if (consistent != null) {
            return consistent;
        }
        int before = upstream.heads().size();
        String client = talk(c, expected, inPieces);
        String up = upstreamSaw(before, expected);
        if (client == null && up == null) {
            return null;
        }
        return (client == null ? "" : "client: " + client + "; ") + (up == null ? "" : "upstream: " + up);
    }

    /** The expectation's forwarded requests are the ones NewParserRun completes (the differential proof's). */
    private static String sameAsParserRun(Corpus.Case c, GatewayExpectation expected) {
        Outcome run = NewParserRun.run(c.bytes(), Integer.MAX_VALUE);
        List<GatewayExpectation.Answer> forwarded = expected.forwarded();
        for (int i = 0; i < forwarded.size(); i++) {
            if (i >= run.requests().size() || !run.requests().get(i).body().equals(forwarded.get(i).dataHex())
                    || !run.requests().get(i).method().equals(forwarded.get(i).method())) {
                return "the expectation disagrees with NewParserRun at request " + (i + 1);
            }
        }
        return null;
    }

    private String talk(Corpus.Case c, GatewayExpectation expected, boolean inPieces) throws IOException {
        try (WireClient client = new WireClient(gatewayPort)) {
            if (inPieces) {
                client.sendInPieces(c.bytes(), new SplittableRandom(c.name().hashCode()));
            } else {
                client.send(c.bytes());
            }
            int n = 0;
            for (GatewayExpectation.Answer answer : expected.answers()) {
                n++;
                WireClient.Response r;
                try {
                    r = client.read("HEAD".equals(answer.method()));
                } catch (IOException e) {
                    return "answer " + n + " of " + expected.answers() + ": " + e.getMessage();
                }
                if (r.status() != answer.status()) {
                    return "answer " + n + " is " + r.status() + ", expected " + answer;
                }
                if (answer.forwarded() && !(answer.method() + " " + answer.target()).equals(r.header("X-Echo"))) {
                    return "answer " + n + " is the upstream's answer to " + r.header("X-Echo") + ", expected " + answer;
                }
            }
            if (expected.closes() && !client.closedByServer()) {
                return "the connection stayed open after " + expected.answers();
            }
            return null;
        }
    }

    /** The heads that arrived from {@code before} up to the marker: exactly the expected ones, and no other. */
    private String upstreamSaw(int before, GatewayExpectation expected) throws Exception {
        int marker = marker(before);
        if (marker < 0) {
            return "the marker request after the case did not reach the upstream";
        }
        List<RawUpstream.Request> heads = List.copyOf(upstream.heads()).subList(before, marker);
        List<RecordingUpstream.Seen> seen = new ArrayList<>();
        for (RawUpstream.Request head : heads) {
            if (!Poll.until(Duration.ofSeconds(5), () -> upstream.seen(head) != null)) {
                return "the body of " + head.requestLine() + " neither completed nor was cut off";
            }
            seen.add(upstream.seen(head));
        }
        if (expected.unfinished() != null) {
            mayArrive.add(expected.unfinished());
        }
        List<GatewayExpectation.Answer> forwarded = expected.forwarded();
        int complete = 0;
        for (RecordingUpstream.Seen s : seen) {
            if (s.complete()) {
                if (complete >= forwarded.size()) {
                    return "received a request the parser did not complete: " + s.method() + " " + s.target();
                }
                GatewayExpectation.Answer a = forwarded.get(complete++);
                String data = HexFormat.of().formatHex(s.data());
                if (!a.method().equals(s.method()) || !a.target().equals(s.target()) || !a.dataHex().equals(data)) {
                    return "request " + complete + " arrived as " + s.method() + " " + s.target() + " with "
                            + text(s.data()) + ", expected " + a;
                }
            } else if (s.problem().startsWith("body cut off")
                    && mayArrive.remove(new GatewayExpectation.Unfinished(s.method(), s.target()))) {
                cutOff++;
            } else {
                return s.method() + " " + s.target() + ": " + s.problem();
            }
        }
        if (complete != forwarded.size()) {
            return "received " + complete + " of the requests " + forwarded;
        }
        return null;
    }

    /** Sends the marker and returns its index among the upstream's heads, or -1. */
    private int marker(int from) throws Exception {
        try (WireClient client = new WireClient(gatewayPort)) {
            client.send(("GET " + MARKER + " HTTP/1.1\r\nHost: marker.example\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            WireClient.Response r = client.read(false);
            if (r.status() != 200) {
                return -1;
            }
        }
        List<RawUpstream.Request> heads = upstream.heads();
        for (int i = heads.size() - 1; i >= from; i--) {
            if (heads.get(i).requestLine().equals("GET " + MARKER + " HTTP/1.1")) {
                return i;
            }
        }
        return -1;
    }

    private static String text(byte[] data) {
        String s = new String(data, StandardCharsets.ISO_8859_1);
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
