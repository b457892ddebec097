package dev.linkgate.gateway.tls;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;

/**
 * OpenSSL (BoringSSL from netty-tcnative) where its native library loads, the JDK's TLS otherwise. Both do
 * TLS 1.2 and 1.3 with ALPN; BoringSSL is several times cheaper per handshake and per record.
 */
public final class TlsProvider {
    private TlsProvider() {
    }

    public static SslProvider choose() {
        return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    /** What the log says at start. */
    public static String describe(SslProvider provider) {
        if (provider == SslProvider.OPENSSL) {
            return "OpenSSL (" + OpenSsl.versionString() + ")";
        }
        Throwable why = OpenSsl.unavailabilityCause();
        return "JDK (" + Runtime.version() + "; OpenSSL unavailable: "
                + (why == null ? "unknown" : why.getMessage()) + ")";
    }
}
