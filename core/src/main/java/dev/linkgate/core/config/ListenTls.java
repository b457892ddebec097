package dev.linkgate.core.config;

import java.util.List;
import java.util.Objects;

/**
 * listen.tls: the certificates the listener serves, chosen by the name the client asks for (SNI) among each
 * certificate's DNS names; the first is served when no name matches or none is sent.
 */
public record ListenTls(List<CertificateFiles> certificates) {
    public ListenTls {
        certificates = List.copyOf(Objects.requireNonNull(certificates, "certificates"));
        if (certificates.isEmpty()) {
            throw new InvalidConfigValue("certificates", "must list at least one {cert-file, key-file}");
        }
    }

    public CertificateFiles defaultCertificate() {
        return certificates.get(0);
    }
}
