// PLACEHOLDER (page branch)
package dev.linkgate.gateway.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/** PLACEHOLDER (page branch): the integrator takes the page branch's version. */
public final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("linkgate.access");

    private AccessLog() {
    }

    public static void log(AccessRecord r) {
        LOG.debug("{}", r);
    }

    public record AccessRecord(Instant time, String client, String method, String path, String decision,
                               List<String> reasons, int status, long bytes, long upstreamMillis, long totalMillis) {
    }
}
