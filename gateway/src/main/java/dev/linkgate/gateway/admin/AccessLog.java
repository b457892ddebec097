package dev.linkgate.gateway.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * One JSON line per request on the SLF4J logger {@code linkgate.access} (logback.xml sends it alone to
 * stdout). Fields: time, client, method, path, decision, reasons, status, bytes, upstream_ms, total_ms.
 * The path arrives with its token already redacted: this class writes what it is given.
 */
public final class AccessLog {
    public static final String LOGGER = "linkgate.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final JsonFactory JSON = new JsonFactory();

    private AccessLog() {
    }

    public static void log(AccessRecord r) {
        if (LOG.isInfoEnabled()) {
            LOG.info(line(r));
        }
    }

    /** The JSON line for one record. */
    static String line(AccessRecord r) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("time", r.time() == null ? null : r.time().toString());
            g.writeStringField("client", r.client());
            g.writeStringField("method", r.method());
            g.writeStringField("path", r.path());
            g.writeStringField("decision", r.decision());
            g.writeArrayFieldStart("reasons");
            for (String reason : r.reasons() == null ? List.<String>of() : r.reasons()) {
                g.writeString(reason);
            }
            g.writeEndArray();
            g.writeNumberField("status", r.status());
            g.writeNumberField("bytes", r.bytes());
            g.writeNumberField("upstream_ms", r.upstreamMillis());
            g.writeNumberField("total_ms", r.totalMillis());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * @param path           the request path with the link's token already redacted
     * @param upstreamMillis time spent waiting for the upstream, 0 when not forwarded
     */
    public record AccessRecord(Instant time, String client, String method, String path, String decision,
                               List<String> reasons, int status, long bytes, long upstreamMillis, long totalMillis) {
    }
}
