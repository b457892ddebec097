package dev.linkgate.gateway.tls;

import dev.linkgate.core.config.UpstreamTls;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TLS towards an https:// upstream: TLS 1.2/1.3, the certificate checked against the system's trust store (or
 * upstream.tls.ca-file) and the URL's host name, SNI from that host. One context per gateway, so its session
 * cache lets pooled connections resume their sessions.
 */
public final class UpstreamTlsContext {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamTlsContext.class);

    /** At most one warning a minute: a broken upstream certificate fails every connection, and so every request. */
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;
    private static final AtomicLong LAST_WARNING = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    private UpstreamTlsContext() {
    }

    /**
     * Says why a TLS handshake with the upstream failed (its requests get 502 and count as upstream errors),
     * at most once a minute.
     */
    public static void handshakeFailed(String host, Throwable cause) {
        long now = System.nanoTime();
        long last = LAST_WARNING.get();
        if (now - last >= WARN_EVERY_NANOS && LAST_WARNING.compareAndSet(last, now)) {
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            LOG.warn("TLS handshake with the upstream {} failed (requests get 502): {}", host, root.getMessage());
        }
    }

    /** @throws IllegalArgumentException naming the file that cannot be used */
    public static SslContext create(UpstreamTls tls, String host) {
        try {
            SslProvider provider = TlsProvider.choose();
            SslContextBuilder builder = SslContextBuilder.forClient()
                    .sslProvider(provider)
                    .protocols(ServerCertificates.PROTOCOLS);
            if (!tls.verify()) {
                LOG.warn("upstream.tls.verify is false: the certificate of {} is NOT checked; anyone on the path to"
                        + " it can read and change the traffic, including link tokens", host);
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
            } else {
                builder.endpointIdentificationAlgorithm("HTTPS");
                if (tls.caFile() != null) {
                    List<X509Certificate> cas = PemFiles.certificates(tls.caFile());
                    builder.trustManager(cas.toArray(new X509Certificate[0]));
                }
            }
            if (tls.client() != null) {
                List<X509Certificate> chain = PemFiles.certificates(tls.client().certFile());
                PrivateKey key = PemFiles.privateKey(tls.client().keyFile());
                PemFiles.requireMatch(key, chain.get(0));
                builder.keyManager(key, chain.toArray(new X509Certificate[0]));
            }
            return builder.build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("upstream.tls: " + e.getMessage(), e);
        }
    }
}
