package dev.linkgate.core.history;

import dev.linkgate.core.detect.Verdict;
import dev.linkgate.core.policy.Action;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A link's history as one byte array, so that a million links cost a million small arrays and not millions of
 * objects: {@code [count, oldest, hasFirst]}, then the first open's event when there is one, then the last
 * events (a ring once full). Each event is {@value #EVENT} bytes: seconds (4), route/action/verdict/family (1),
 * reason (1), signals as a bit set (4), network (6: the /24's three bytes or the /48's six), user-agent family
 * (1), major (1), list (1), method (1). Strings are interned per process; the replica is always this one.
 */
final class PackedEvents {
    static final int EVENT = 20;
    private static final int HEADER = 3;
    private static final Action[] ACTIONS = Action.values();
    private static final Verdict[] VERDICTS = Verdict.values();
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

    /** A new array: {@code old} (null for none) with the event added, keeping at most {@code max} events. */
    byte[] append(byte[] old, HistoryEvent e, int max) {
        return append(old, encode(e), e.opened(), max);
    }

    /** As {@link #append(byte[], HistoryEvent, int)}, with the event already {@link #encode encoded}. */
    static byte[] append(byte[] old, byte[] event, boolean opened, int max) {
        int count = old == null ? 0 : old[0];
        int oldest = old == null ? 0 : old[1];
        boolean hadFirst = old != null && old[2] == 1;
        byte[] first = hadFirst ? Arrays.copyOfRange(old, HEADER, HEADER + EVENT) : opened ? event : null;
        int base = HEADER + (first == null ? 0 : EVENT);
        int oldBase = HEADER + (hadFirst ? EVENT : 0);
        boolean full = count >= max;
        int kept = full ? max : count + 1;
        byte[] out = new byte[base + kept * EVENT];
        out[0] = (byte) kept;
        out[1] = (byte) (full ? (oldest + 1) % max : 0);
        if (first != null) {
            out[2] = 1;
            System.arraycopy(first, 0, out, HEADER, EVENT);
        }
        if (count > 0) {
            System.arraycopy(old, oldBase, out, base, Math.min(count, max) * EVENT);
        }
        // Not yet full: the new event goes last. Full: it overwrites the oldest, and the next one becomes oldest.
        System.arraycopy(event, 0, out, base + (full ? oldest : count) * EVENT, EVENT);
        return out;
    }

    LinkStory decode(byte[] packed) {
        int count = packed[0];
        int oldest = packed[1];
        boolean hasFirst = packed[2] == 1;
        int base = HEADER + (hasFirst ? EVENT : 0);
        List<HistoryEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(decode(packed, base + ((oldest + i) % count) * EVENT));
        }
        return new LinkStory(hasFirst ? decode(packed, HEADER) : null, events);
    }

    /** The event's {@value #EVENT} bytes. */
    byte[] encode(HistoryEvent e) {
        byte[] b = new byte[EVENT];
        long s = e.at().getEpochSecond();
        b[0] = (byte) (s >>> 24);
        b[1] = (byte) (s >>> 16);
        b[2] = (byte) (s >>> 8);
        b[3] = (byte) s;
        boolean ipv6 = e.network().indexOf(':') >= 0;
        b[4] = (byte) (("continue".equals(e.route()) ? 0x80 : 0) | e.action().ordinal() << 4
                | e.verdict().ordinal() << 2 | (ipv6 ? 2 : 0));
        b[5] = (byte) reasons.of(e.reason());
        int mask = 0;
        for (String signal : e.signals()) {
            int bit = signals.of(signal) - 1;
            mask |= 1 << Math.min(bit, OTHER_SIGNAL);
        }
        b[6] = (byte) (mask >>> 24);
        b[7] = (byte) (mask >>> 16);
        b[8] = (byte) (mask >>> 8);
        b[9] = (byte) mask;
        NetworkBytes.write(e.network(), b, 10);
        b[16] = (byte) clients.of(e.client());
        b[17] = (byte) Math.min(e.major(), 255);
        b[18] = (byte) lists.of(e.networkList());
        b[19] = (byte) methods.of(e.method());
        return b;
    }

    private HistoryEvent decode(byte[] p, int at) {
        int flags = p[at + 4] & 0xff;
        int mask = (p[at + 6] & 0xff) << 24 | (p[at + 7] & 0xff) << 16 | (p[at + 8] & 0xff) << 8 | (p[at + 9] & 0xff);
        List<String> codes = new ArrayList<>(Integer.bitCount(mask));
        for (int bit = 0; bit < 32; bit++) {
            if ((mask & 1 << bit) != 0) {
                codes.add(bit == OTHER_SIGNAL ? "other" : signals.name(bit + 1));
            }
        }
        String client = clients.name(p[at + 16] & 0xff);
        return new HistoryEvent(Instant.ofEpochSecond(seconds(p, at)), (flags & 0x80) != 0 ? "continue" : "link",
                methods.name(p[at + 19] & 0xff), ACTIONS[flags >>> 4 & 7], reasons.name(p[at + 5] & 0xff),
                VERDICTS[flags >>> 2 & 3], codes, NetworkBytes.read(p, at + 10, (flags & 2) != 0),
                lists.name(p[at + 18] & 0xff), client == null ? "none" : client, p[at + 17] & 0xff, replica);
    }

    private static long seconds(byte[] p, int at) {
        return (p[at] & 0xffL) << 24 | (p[at + 1] & 0xffL) << 16 | (p[at + 2] & 0xffL) << 8 | (p[at + 3] & 0xffL);
    }
}
