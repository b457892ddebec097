package dev.linkgate.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The signing app behind linkgate.
 *
 * @param url           http://host[:port] or https://host[:port], without path, query or user info: requests
 *                      keep their own path
 * @param idleTimeout   pooled connections close after this long unused (below the upstream's keep-alive)
 * @param preserveHost  send the client's Host upstream (default) rather than the upstream URL's authority
 */
public record UpstreamConfig(URI url, Duration connectTimeout, Duration responseTimeout, int maxConnections,
                             Duration idleTimeout, boolean preserveHost) {
    public UpstreamConfig {
        Objects.requireNonNull(url, "url");
        if (!("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                || url.isOpaque()) {
            throw new InvalidConfigValue("url", "must be an http:// or https:// URL, e.g. http://127.0.0.1:8081");
        }
        if (url.getHost() == null) {
            throw new InvalidConfigValue("url", "must name a host, e.g. http://127.0.0.1:8081");
        }
        if (url.getRawUserInfo() != null) {
            throw new InvalidConfigValue("url", "must not contain a user name or password");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null
                || !(url.getRawPath().isEmpty() || url.getRawPath().equals("/"))) {
            throw new InvalidConfigValue("url", "must have no path, query or fragment (e.g. http://127.0.0.1:8081): requests keep their own path");
        }
        Durations.requirePositive(connectTimeout, "connect-timeout");
        Durations.requirePositive(responseTimeout, "response-timeout");
        Durations.requirePositive(idleTimeout, "idle-timeout");
        if (maxConnections < 1) {
            throw new InvalidConfigValue("max-connections", "must be at least 1 (got " + maxConnections + ")");
        }
    }

    /** An upstream at this URL with every other setting at its default. */
    public static UpstreamConfig of(URI url) {
        return new UpstreamConfig(url, ConfigDefaults.UPSTREAM_CONNECT_TIMEOUT,
                ConfigDefaults.UPSTREAM_RESPONSE_TIMEOUT, ConfigDefaults.UPSTREAM_MAX_CONNECTIONS,
                ConfigDefaults.UPSTREAM_IDLE_TIMEOUT, ConfigDefaults.UPSTREAM_PRESERVE_HOST);
    }

    public String host() {
        return url.getHost();
    }

    /** The URL's port, or the scheme's (80, 443). */
    public int port() {
        return url.getPort() >= 0 ? url.getPort() : secure() ? 443 : 80;
    }

    /** True for an https:// upstream. */
    public boolean secure() {
        return "https".equalsIgnoreCase(url.getScheme());
    }
}
