package dev.linkgate.core.config;

import java.time.Duration;

/**
 * server: HTTP limits and timeouts of the client side. Sizes are below 2GiB, as Netty takes ints.
 *
 * @param maxRequestLine  longest request line (414 beyond)
 * @param maxHeaderSize   largest header block (431 beyond)
 * @param headerTimeout   a request's headers must arrive within this (408 beyond): slow-header defence
 * @param idleTimeout     an idle keep-alive connection is closed after this
 * @param drainTimeout    on SIGTERM, in-flight requests get this long to finish
 * @param maxCoalesceBody the largest response copied to a double click (larger: the interstitial)
 */
public record ServerConfig(DataSize maxRequestLine, DataSize maxHeaderSize, Duration headerTimeout,
                           Duration idleTimeout, Duration drainTimeout, DataSize maxCoalesceBody) {
    public ServerConfig {
        DataSize.requireIntLimit(maxRequestLine, "max-request-line");
        DataSize.requireIntLimit(maxHeaderSize, "max-header-size");
        Durations.requirePositive(headerTimeout, "header-timeout");
        Durations.requirePositive(idleTimeout, "idle-timeout");
        Durations.requirePositive(drainTimeout, "drain-timeout");
        DataSize.requireIntLimit(maxCoalesceBody, "max-coalesce-body");
    }

    public static ServerConfig defaults() {
        return new ServerConfig(ConfigDefaults.MAX_REQUEST_LINE, ConfigDefaults.MAX_HEADER_SIZE,
                ConfigDefaults.HEADER_TIMEOUT, ConfigDefaults.IDLE_TIMEOUT, ConfigDefaults.DRAIN_TIMEOUT,
                ConfigDefaults.MAX_COALESCE_BODY);
    }
}
