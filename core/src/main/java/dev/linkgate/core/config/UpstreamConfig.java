package dev.linkgate.core.config;

import java.net.URI;
import java.time.Duration;

/**
 * The signing app behind linkgate.
 *
 * @param idleTimeout   pooled connections close after this long unused (below the upstream's keep-alive)
 * @param preserveHost  send the client's Host upstream (default) rather than the upstream URL's authority
 */
public record UpstreamConfig(URI url, Duration connectTimeout, Duration responseTimeout, int maxConnections,
                             Duration idleTimeout, boolean preserveHost) {
}
