package dev.linkgate.gateway.tls;

import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;

import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/**
 * Why a client's handshake failed, as a label of {@code linkgate_tls_handshake_failures_total}: a fixed set,
 * from the exception's type and the TLS library's error names (BoringSSL's and the JDK's wordings both).
 */
public final class TlsFailure {
    private TlsFailure() {
    }

    public static String reason(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof NotSslRecordException) {
                return "not_tls";
            }
            if (t instanceof SslHandshakeTimeoutException) {
                return "timeout";
            }
            if (t instanceof ClosedChannelException) {
                return "closed";
            }
        }
        String text = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("certificate") || text.contains("unknown_ca") || text.contains("unknown ca")) {
            return "certificate";
        }
        if (text.contains("cipher")) {
            return "cipher";
        }
        if (text.contains("application_protocol") || text.contains("application protocol")) {
            return "alpn";
        }
        if (text.contains("protocol") || text.contains("version")) {
            return "protocol";
        }
        if (text.contains("closed") || text.contains("reset") || text.contains("broken pipe")) {
            return "closed";
        }
        return "other";
    }
}
