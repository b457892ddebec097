package dev.linkgate.core.config;

import java.nio.file.Path;

/**
 * upstream.tls: how an https:// upstream is trusted, and the client certificate shown to it.
 *
 * @param caFile the CA certificates (PEM) to trust instead of the system's, or null
 * @param verify false turns certificate and host name checks off (a warning is logged at start)
 * @param client the client certificate, or null
 */
public record UpstreamTls(Path caFile, boolean verify, CertificateFiles client) {
    public UpstreamTls {
        if (caFile != null) {
            CertificateFiles.requireReadable(caFile, "ca-file");
        }
    }

    public static UpstreamTls defaults() {
        return new UpstreamTls(null, ConfigDefaults.UPSTREAM_TLS_VERIFY, null);
    }
}
