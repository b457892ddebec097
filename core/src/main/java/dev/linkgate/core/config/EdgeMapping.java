package dev.linkgate.core.config;

import static dev.linkgate.core.config.ConfigDefaults.H2C;
import static dev.linkgate.core.config.ConfigDefaults.HTTP2;
import static dev.linkgate.core.config.ConfigDefaults.HTTP2_MAX_CONCURRENT_STREAMS;
import static dev.linkgate.core.config.ConfigDefaults.UPSTREAM_TLS_VERIFY;

import java.nio.file.Path;
import java.util.List;

/** Maps the edge keys (listen.tls/http2/h2c/redirect-http-port, server.http2, upstream.tls) onto {@link EdgeConfig}. */
final class EdgeMapping {
    private EdgeMapping() {
    }

    static EdgeConfig read(ConfigSection listen, ConfigSection server, ConfigSection upstream) {
        ListenTls tls = listenTls(listen.section("tls", "cert-file", "key-file", "certificates"));
        ConfigSection serverHttp2 = server.section("http2", "max-concurrent-streams");
        int maxStreams = serverHttp2.get("max-concurrent-streams", HTTP2_MAX_CONCURRENT_STREAMS, EdgeMapping::positive);
        UpstreamTls upstreamTls = upstreamTls(upstream.section("tls", "ca-file", "verify", "cert-file", "key-file"));
        Boolean h2 = listen.get("http2", null, ConfigMapping::bool);
        boolean h2c = listen.get("h2c", H2C, ConfigMapping::bool);
        int redirect = listen.get("redirect-http-port", 0, ConfigMapping::wholeNumber);
        // listen.http2 applies to TLS listeners: without tls it changes nothing (h2c is the cleartext switch).
        boolean http2 = tls != null && (h2 != null ? h2 : HTTP2);
        return listen.build(() -> new EdgeConfig(tls, http2, h2c, redirect, maxStreams, upstreamTls));
    }

    /** Either one cert-file and key-file, or a list of them under certificates; null when tls is absent. */
    private static ListenTls listenTls(ConfigSection s) {
        Path cert = s.get("cert-file", null, ConfigMapping::path);
        Path key = s.get("key-file", null, ConfigMapping::path);
        List<ConfigSection> items = s.sections("certificates", "cert-file", "key-file");
        if (!items.isEmpty()) {
            if (cert != null || key != null) {
                throw s.error("certificates", "give either cert-file and key-file, or certificates, not both");
            }
            List<CertificateFiles> list = items.stream().map(EdgeMapping::certificate).toList();
            return new ListenTls(list);
        }
        if (cert == null && key == null) {
            return null;
        }
        return new ListenTls(List.of(certificate(s)));
    }

    private static CertificateFiles certificate(ConfigSection s) {
        Path cert = s.require("cert-file", ConfigMapping::path);
        Path key = s.require("key-file", ConfigMapping::path);
        return s.build(() -> new CertificateFiles(cert, key));
    }

    private static UpstreamTls upstreamTls(ConfigSection s) {
        Path ca = s.get("ca-file", null, ConfigMapping::path);
        boolean verify = s.get("verify", UPSTREAM_TLS_VERIFY, ConfigMapping::bool);
        Path cert = s.get("cert-file", null, ConfigMapping::path);
        Path key = s.get("key-file", null, ConfigMapping::path);
        CertificateFiles client = cert == null && key == null ? null : certificate(s);
        return s.build(() -> new UpstreamTls(ca, verify, client));
    }

    private static int positive(String text) {
        int value = ConfigMapping.wholeNumber(text);
        if (value < 1) {
            throw new IllegalArgumentException("must be at least 1 (got " + value + ")");
        }
        return value;
    }
}
