package dev.linkgate.core.config;

/**
 * What linkgate needs to stand at the edge: TLS and HTTP/2 towards clients, TLS towards the app. Read from
 * listen.tls, listen.http2, listen.h2c, listen.redirect-http-port, server.http2 and upstream.tls.
 *
 * @param tls                  the listener's certificates, or null for plain HTTP
 * @param http2                ALPN offers h2 beside http/1.1 (TLS listeners only)
 * @param h2c                  a plain listener also takes cleartext HTTP/2 with prior knowledge
 * @param redirectHttpPort     a second, plain listener redirecting to https (0: none)
 * @param maxConcurrentStreams HTTP/2 streams a client may have open on one connection
 * @param upstreamTls          trust and client certificate for an https:// upstream
 */
public record EdgeConfig(ListenTls tls, boolean http2, boolean h2c, int redirectHttpPort, int maxConcurrentStreams,
                         UpstreamTls upstreamTls) {
    public EdgeConfig {
        if (upstreamTls == null) {
            upstreamTls = UpstreamTls.defaults();
        }
        if (tls == null) {
            // HTTP/2 is negotiated in the TLS handshake; cleartext HTTP/2 is h2c.
            http2 = false;
        }
        if (tls != null && h2c) {
            throw new InvalidConfigValue("h2c", "is for a listener without tls; a TLS listener negotiates h2 with"
                    + " listen.http2");
        }
        if (redirectHttpPort != 0 && tls == null) {
            throw new InvalidConfigValue("redirect-http-port", "needs listen.tls (it redirects to https)");
        }
        if (redirectHttpPort < 0 || redirectHttpPort > 65535) {
            throw new InvalidConfigValue("redirect-http-port", "must be 1-65535 (got " + redirectHttpPort + ")");
        }
        if (maxConcurrentStreams < 1) {
            throw new InvalidConfigValue("max-concurrent-streams", "must be at least 1 (got "
                    + maxConcurrentStreams + ")");
        }
    }

    /** Plain HTTP/1.1 in and out: what linkgate does without any of these keys. */
    public static EdgeConfig defaults() {
        return new EdgeConfig(null, false, ConfigDefaults.H2C, 0, ConfigDefaults.HTTP2_MAX_CONCURRENT_STREAMS,
                UpstreamTls.defaults());
    }

    /**
     * This config with {@code running}'s start-only settings (TLS, HTTP/2, h2c, redirect port, upstream TLS): only
     * server.http2.max-concurrent-streams applies to connections opened after a reload.
     */
    public EdgeConfig withStartOnly(EdgeConfig running) {
        return new EdgeConfig(running.tls(), running.http2(), running.h2c(), running.redirectHttpPort(),
                maxConcurrentStreams, running.upstreamTls());
    }

    public boolean secure() {
        return tls != null;
    }
}
