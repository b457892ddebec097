package dev.linkgate.gateway.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * One JSON line per request on the SLF4J logger {@code linkgate.access} (logback.xml sends it alone to
 * stdout). Fields: time, client, method, path, protocol, decision, reasons, status, bytes, upstream_ms, total_ms.
 * The path arrives with its token already redacted: this class writes what it is given.
 */
public final class AccessLog {
    public static final String LOGGER = "linkgate.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private AccessLog() {
    }

    public static void log(AccessRecord r) {
        if (LOG.isInfoEnabled()) {
            LOG.info(line(r));
        }
    }

    /** The JSON line for one record, written by hand: it runs on the event loop once per request. */
    static String line(AccessRecord r) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"time\":");
        time(out, r.time());
        out.append(",\"client\":");
        string(out, r.client());
        out.append(",\"method\":");
        string(out, r.method());
        out.append(",\"path\":");
        string(out, r.path());
        out.append(",\"protocol\":");
        string(out, r.protocol());
        out.append(",\"decision\":");
        string(out, r.decision());
        out.append(",\"reasons\":[");
        List<String> reasons = r.reasons() == null ? List.of() : r.reasons();
        for (int i = 0; i < reasons.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, reasons.get(i));
        }
        out.append("],\"status\":").append(r.status())
                .append(",\"bytes\":").append(r.bytes())
                .append(",\"upstream_ms\":").append(r.upstreamMillis())
                .append(",\"total_ms\":").append(r.totalMillis())
                .append('}');
        return out.toString();
    }

    /** The second being logged now, formatted once: as {@link Instant#toString()}, without its 'Z'. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second second = new Second(Long.MIN_VALUE, "");

    /** {@code time} as a JSON string, the same text as {@link Instant#toString()}; the date part is cached. */
    static void time(StringBuilder out, Instant time) {
        if (time == null) {
            out.append("null");
            return;
        }
        Second s = second;
        if (s.epochSecond() != time.getEpochSecond()) {
            String whole = Instant.ofEpochSecond(time.getEpochSecond()).toString();
            s = new Second(time.getEpochSecond(), whole.substring(0, whole.length() - 1));
            second = s;
        }
        out.append('"').append(s.text());
        int nano = time.getNano();
        if (nano != 0) {
            // Instant.toString: as many digits as needed, in groups of three.
            int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
            int value = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1_000 : nano;
            out.append('.');
            String text = Integer.toString(value);
            for (int i = text.length(); i < digits; i++) {
                out.append('0');
            }
            out.append(text);
        }
        out.append("Z\"");
    }

    /** A JSON string (RFC 8259): quotes, backslashes and control characters escaped; null as null. */
    private static void string(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        if (plain(s)) {
            out.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** True when nothing in {@code s} needs escaping (the usual case: methods, paths, addresses, codes). */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x2028 || c == 0x2029) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param path           the request path with the link's token already redacted
     * @param upstreamMillis time spent waiting for the upstream, 0 when not forwarded
     * @param protocol       HTTP/1.0, HTTP/1.1 or HTTP/2.0 (as nginx writes them)
     */
    public record AccessRecord(Instant time, String client, String method, String path, String decision,
                               List<String> reasons, int status, long bytes, long upstreamMillis, long totalMillis,
                               String protocol) {
        public AccessRecord(Instant time, String client, String method, String path, String decision,
                            List<String> reasons, int status, long bytes, long upstreamMillis, long totalMillis) {
            this(time, client, method, path, decision, reasons, status, bytes, upstreamMillis, totalMillis, "HTTP/1.1");
        }
    }
}
