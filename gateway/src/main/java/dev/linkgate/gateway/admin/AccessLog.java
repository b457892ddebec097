package dev.linkgate.gateway.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * One JSON line per request on the SLF4J logger {@code linkgate.access} (logback.xml sends it alone to
 * stdout). Fields: time, client, method, path, protocol, decision, reasons, status, bytes, upstream_ms, total_ms.
 * The path arrives with its token already redacted: this class writes what it is given.
 *
 * <p>The line is built as UTF-8 bytes. With the shipped logback.xml (the logger's only appender is the
 * {@link BufferedStdoutAppender}, no filters) those bytes go straight into the appender's buffer for this thread,
 * the same bytes the appender would have written for the message; under any other configuration the line is
 * logged as a message and logback does the rest.
 */
public final class AccessLog {
    public static final String LOGGER = "linkgate.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private AccessLog() {
    }

    public static void log(AccessRecord r) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        JsonLine line = LINE.get();
        line.reset();
        write(line, r);
        BufferedStdoutAppender<?> direct = BufferedStdoutAppender.onlyAppenderOf(LOG);
        if (direct != null) {
            direct.appendLine(line.bytes(), line.length());
        } else {
            LOG.info(line.text());
        }
    }

    /** Each thread's line, reused: a line is built, handed on and forgotten before the next on that thread. */
    private static final ThreadLocal<JsonLine> LINE = ThreadLocal.withInitial(JsonLine::new);

    /** The JSON line for one record, written by hand as bytes: it runs on the event loop once per request. */
    private static void write(JsonLine out, AccessRecord r) {
        out.ascii("{\"time\":");
        time(out, r.time());
        out.ascii(",\"client\":").string(r.client());
        out.ascii(",\"method\":").string(r.method());
        out.ascii(",\"path\":").string(r.path());
        out.ascii(",\"protocol\":").string(r.protocol());
        out.ascii(",\"decision\":").string(r.decision());
        out.ascii(",\"reasons\":[");
        List<String> reasons = r.reasons() == null ? List.of() : r.reasons();
        for (int i = 0; i < reasons.size(); i++) {
            if (i > 0) {
                out.ascii(',');
            }
            out.string(reasons.get(i));
        }
        out.ascii("],\"status\":").number(r.status())
                .ascii(",\"bytes\":").number(r.bytes())
                .ascii(",\"upstream_ms\":").number(r.upstreamMillis())
                .ascii(",\"total_ms\":").number(r.totalMillis())
                .ascii('}');
    }

    /** The second being logged now, formatted once: as {@link Instant#toString()}, without its 'Z'. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second second = new Second(Long.MIN_VALUE, "");

    /** {@code time} as a JSON string, the same text as {@link Instant#toString()}; the date part is cached. */
    static void time(JsonLine out, Instant time) {
        if (time == null) {
            out.ascii("null");
            return;
        }
        Second s = second;
        if (s.epochSecond() != time.getEpochSecond()) {
            String whole = Instant.ofEpochSecond(time.getEpochSecond()).toString();
            s = new Second(time.getEpochSecond(), whole.substring(0, whole.length() - 1));
            second = s;
        }
        out.ascii('"').ascii(s.text());
        int nano = time.getNano();
        if (nano != 0) {
            // Instant.toString: as many digits as needed, in groups of three.
            int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
            int value = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1_000 : nano;
            out.ascii('.').padded(value, digits);
        }
        out.ascii("Z\"");
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
