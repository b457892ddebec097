package dev.linkgate.gateway;

import dev.linkgate.core.config.EdgeConfig;
import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.gateway.tls.ServerCertificates;
import dev.linkgate.gateway.tls.TlsProvider;
import dev.linkgate.gateway.tls.UpstreamTlsContext;

/** check-config reads the certificate files as serving would: a bad PEM or a key that does not match fails here. */
final class EdgeCheck {
    private EdgeCheck() {
    }

    /** @throws IllegalArgumentException naming the key and the file */
    static void certificates(LinkgateConfig config) {
        EdgeConfig edge = config.edge();
        if (edge.tls() != null) {
            ServerCertificates.load(edge.tls(), edge.http2(), TlsProvider.choose());
        }
        if (config.upstream().secure()) {
            UpstreamTlsContext.create(edge.upstreamTls(), config.upstream().host());
        }
    }
}
