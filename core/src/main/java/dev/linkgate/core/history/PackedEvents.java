package dev.linkgate.core.history;

import dev.linkgate.core.detect.Verdict;
import dev.linkgate.core.policy.Action;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An event as {@value #INTS} ints written straight into the history's int arrays, so recording one allocates
 * nothing: seconds (1); route, action, verdict and network family, reason, list and method (1); the signals as
 * a bit set (1); the network's six bytes with the user agent's family and major (2). Strings are interned per
 * process as one byte each; the replica is always this one.
 */
final class PackedEvents {
    static final int INTS = 5;
    private static final Action[] ACTIONS = Action.values();
    private static final Verdict[] VERDICTS = Verdict.values();
    private static final int FORWARD = Action.FORWARD.ordinal();
    /** The signal bit set has 31 named bits; the last one stands for any further code. */
    private static final int OTHER_SIGNAL = 31;

    private final Interner reasons = new Interner();
    private final Interner signals = new Interner();
    private final Interner lists = new Interner();
    private final Interner clients = new Interner();
    private final Interner methods = new Interner();
    private final String replica;

    PackedEvents(String replica) {
        this.replica = replica;
    }

    /** Writes the event's {@value #INTS} ints at {@code at}. */
    void encode(HistoryEvent e, int[] out, int at) {
        boolean ipv6 = e.network().indexOf(':') >= 0;
        int flags = ("continue".equals(e.route()) ? 0x80 : 0) | e.action().ordinal() << 4
                | e.verdict().ordinal() << 2 | (ipv6 ? 2 : 0);
        int mask = 0;
        for (String signal : e.signals()) {
            int bit = signals.of(signal) - 1;
            mask |= 1 << Math.min(bit, OTHER_SIGNAL);
        }
        long network = NetworkBytes.bits(e.network());
        out[at] = (int) e.at().getEpochSecond();
        out[at + 1] = flags << 24 | reasons.of(e.reason()) << 16 | lists.of(e.networkList()) << 8
                | methods.of(e.method());
        out[at + 2] = mask;
        out[at + 3] = (int) (network >>> 16);
        out[at + 4] = (int) network << 16 | clients.of(e.client()) << 8 | Math.min(e.major(), 255);
    }

    /** Whether the event at {@code at} was a first open ({@link HistoryEvent#opened()}). */
    static boolean opened(int[] p, int at) {
        return (p[at + 1] >>> 28 & 7) == FORWARD;
    }

    HistoryEvent decode(int[] p, int at) {
        int flags = p[at + 1] >>> 24;
        int mask = p[at + 2];
        List<String> codes = new ArrayList<>(Integer.bitCount(mask));
        for (int bit = 0; bit < 32; bit++) {
            if ((mask & 1 << bit) != 0) {
                codes.add(bit == OTHER_SIGNAL ? "other" : signals.name(bit + 1));
            }
        }
        long network = (p[at + 3] & 0xffff_ffffL) << 16 | p[at + 4] >>> 16;
        String client = clients.name(p[at + 4] >>> 8 & 0xff);
        return new HistoryEvent(Instant.ofEpochSecond(Integer.toUnsignedLong(p[at])),
                (flags & 0x80) != 0 ? "continue" : "link", methods.name(p[at + 1] & 0xff), ACTIONS[flags >>> 4 & 7],
                reasons.name(p[at + 1] >>> 16 & 0xff), VERDICTS[flags >>> 2 & 3], codes,
                NetworkBytes.read(network, (flags & 2) != 0), lists.name(p[at + 1] >>> 8 & 0xff),
                client == null ? "none" : client, p[at + 4] & 0xff, replica);
    }
}
