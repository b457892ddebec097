package dev.linkgate.gateway.tls;

import dev.linkgate.core.config.CertificateFiles;
import dev.linkgate.core.config.ListenTls;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.util.DomainWildcardMappingBuilder;
import io.netty.util.Mapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The listener's certificates, chosen per handshake by the name the client asks for (SNI); the first is the
 * default. {@link #reload()} re-reads the files: new handshakes get the new certificates, open connections keep
 * theirs, and a file that cannot be used leaves the previous certificates in place (the log says why).
 */
public final class ServerCertificates implements Mapping<String, SslContext> {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCertificates.class);
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /** Sessions resumable for a day (tickets and the session cache), as nginx's and Caddy's defaults allow. */
    private static final long SESSION_TIMEOUT_SECONDS = 24 * 3600;

    private record Loaded(Mapping<String, SslContext> byName, String digest, List<String> names) {
    }

    private final ListenTls config;
    private final boolean http2;
    private final SslProvider provider;
    private volatile Loaded current;

    private ServerCertificates(ListenTls config, boolean http2, SslProvider provider) {
        this.config = config;
        this.http2 = http2;
        this.provider = provider;
    }

    /**
     * Reads every certificate once, at start.
     *
     * @throws IllegalArgumentException naming the file that cannot be used
     */
    public static ServerCertificates load(ListenTls config, boolean http2, SslProvider provider) {
        ServerCertificates certificates = new ServerCertificates(config, http2, provider);
        try {
            certificates.current = certificates.read();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("listen.tls: " + e.getMessage(), e);
        }
        return certificates;
    }

    @Override
    public SslContext map(String serverName) {
        return current.byName().map(serverName);
    }

    public SslProvider provider() {
        return provider;
    }

    /** The names each certificate answers for, in the order configured. */
    public List<String> names() {
        return current.names();
    }

    /** Every file this serves from, for the watcher. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (CertificateFiles c : config.certificates()) {
            files.add(c.certFile());
            files.add(c.keyFile());
        }
        return files;
    }

    /**
     * Reads the files again and serves them from the next handshake on; true when the new certificates are in
     * use, false when they could not be used (the previous ones stay) or nothing changed.
     */
    public synchronized boolean reload() {
        try {
            String digest = digest();
            if (digest.equals(current.digest())) {
                return false;
            }
            Loaded next = read();
            current = next;
            LOG.info("TLS certificates reloaded: {}", next.names());
            return true;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warn("TLS certificates not reloaded, the previous ones stay in use: {}", e.getMessage());
            return false;
        }
    }

    private Loaded read() throws IOException, GeneralSecurityException {
        String digest = digest();
        SslContext first = null;
        List<SslContext> contexts = new ArrayList<>();
        List<Collection<String>> hostNames = new ArrayList<>();
        for (CertificateFiles files : config.certificates()) {
            List<X509Certificate> chain = PemFiles.certificates(files.certFile());
            PrivateKey key = PemFiles.privateKey(files.keyFile());
            X509Certificate leaf = chain.get(0);
            try {
                PemFiles.requireMatch(key, leaf);
            } catch (GeneralSecurityException e) {
                throw new GeneralSecurityException(files.keyFile() + ": " + e.getMessage(), e);
            }
            if (leaf.getNotAfter().toInstant().isBefore(Instant.now())) {
                LOG.warn("TLS certificate {} expired on {}", files.certFile(), leaf.getNotAfter().toInstant());
            }
            SslContext context = context(key, chain);
            contexts.add(context);
            hostNames.add(names(leaf));
            if (first == null) {
                first = context;
            }
        }
        DomainWildcardMappingBuilder<SslContext> mapping = new DomainWildcardMappingBuilder<>(first);
        List<String> described = new ArrayList<>();
        // Added in reverse so that, when two certificates claim a name, the one listed first wins.
        for (int i = contexts.size() - 1; i >= 0; i--) {
            for (String name : hostNames.get(i)) {
                mapping.add(name, contexts.get(i));
            }
        }
        for (Collection<String> names : hostNames) {
            described.add(String.join(" ", names));
        }
        return new Loaded(mapping.build(), digest, List.copyOf(described));
    }

    private SslContext context(PrivateKey key, List<X509Certificate> chain) throws IOException {
        List<String> alpn = http2
                ? List.of(ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1)
                : List.of(ApplicationProtocolNames.HTTP_1_1);
        return SslContextBuilder.forServer(key, chain.toArray(new X509Certificate[0]))
                .sslProvider(provider)
                .protocols(PROTOCOLS)
                .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                .sessionTimeout(SESSION_TIMEOUT_SECONDS)
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, alpn))
                .build();
    }

    /** DNS names of the subject alternative names, else the subject's common name. */
    private static Collection<String> names(X509Certificate leaf) throws CertificateParsingException {
        Set<String> names = new LinkedHashSet<>();
        Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
        if (alternatives != null) {
            for (List<?> entry : alternatives) {
                if (Integer.valueOf(2).equals(entry.get(0))) {
                    names.add(entry.get(1).toString().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        if (names.isEmpty()) {
            for (String part : leaf.getSubjectX500Principal().getName().split(",")) {
                if (part.startsWith("CN=")) {
                    names.add(part.substring(3).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return names;
    }

    /** A digest of every file's bytes: the watcher's events often come in bursts for one change. */
    private String digest() throws IOException, GeneralSecurityException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Path file : files()) {
            sha.update(Files.readAllBytes(file));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
