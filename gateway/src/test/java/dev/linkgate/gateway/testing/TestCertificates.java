package dev.linkgate.gateway.testing;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test CA and the certificates it signs, written as PEM files as an operator would have them: the chain in the
 * certificate file, the key as PKCS#8 or in the traditional PKCS#1 / SEC1 form. EC P-256 keys by default (fast
 * to make); RSA where a test needs it.
 */
public final class TestCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    public final X509Certificate ca;
    private final KeyPair caKeys;
    private final Path dir;

    /** One issued certificate: its files and its leaf. */
    public record Issued(Path certFile, Path keyFile, X509Certificate leaf, java.security.PrivateKey key) {
        /** A PKCS#12 key store holding this certificate and key (password "changeit"), for WireMock's HTTPS. */
        public Path keyStore(X509Certificate ca) throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", key, "changeit".toCharArray(), new java.security.cert.Certificate[]{leaf, ca});
            Path file = certFile.resolveSibling(certFile.getFileName() + ".p12");
            try (var out = Files.newOutputStream(file)) {
                ks.store(out, "changeit".toCharArray());
            }
            return file;
        }

        /** base64 SHA-256 of the public key, for Chromium's --ignore-certificate-errors-spki-list. */
        public String spkiHash() throws Exception {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(leaf.getPublicKey().getEncoded()));
        }
    }

    public enum KeyFormat { PKCS8, TRADITIONAL }

    private TestCertificates(Path dir, KeyPair caKeys, X509Certificate ca) {
        this.dir = dir;
        this.caKeys = caKeys;
        this.ca = ca;
    }

    /** A new CA, its certificate in {@code dir/ca.pem}. */
    public static TestCertificates newCa(Path dir) throws Exception {
        KeyPair keys = keys("EC");
        X500Name name = new X500Name("CN=linkgate test CA " + SERIAL.get());
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), name,
                keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        b.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
        X509Certificate ca = sign(b, keys, "EC");
        TestCertificates certificates = new TestCertificates(dir, keys, ca);
        Files.writeString(dir.resolve("ca.pem"), pem(ca));
        return certificates;
    }

    public Path caFile() {
        return dir.resolve("ca.pem");
    }

    /** A server certificate for these DNS names (and 127.0.0.1), files named {@code name.crt} / {@code name.key}. */
    public Issued issue(String name, String keyAlgorithm, KeyFormat format, String... dnsNames) throws Exception {
        KeyPair keys = keys(keyAlgorithm);
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))),
                new X500Name("CN=" + dnsNames[0]), keys.getPublic());
        List<GeneralName> names = new ArrayList<>();
        for (String dns : dnsNames) {
            names.add(new GeneralName(GeneralName.dNSName, dns));
        }
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(new GeneralName[0])));
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[]{
                KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
        X509Certificate leaf = sign(b, caKeys, "EC");
        Path cert = dir.resolve(name + ".crt");
        Path key = dir.resolve(name + ".key");
        writeAtomically(cert, pem(leaf) + pem(ca));
        writeAtomically(key, format == KeyFormat.PKCS8 ? pkcs8(keys) : pem(keys.getPrivate()));
        return new Issued(cert, key, leaf, keys.getPrivate());
    }

    /** A PKCS#12 trust store with this CA (password "changeit"). */
    public Path trustStore() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", ca);
        Path file = dir.resolve("ca.p12");
        try (var out = Files.newOutputStream(file)) {
            ks.store(out, "changeit".toCharArray());
        }
        return file;
    }

    /** An SSLContext trusting only this CA: for the JDK HttpClient. */
    public SSLContext clientContext() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static KeyPair keys(String algorithm) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        g.initialize("EC".equals(algorithm) ? 256 : 2048);
        return g.generateKeyPair();
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer, String algorithm) throws Exception {
        ContentSigner s = new JcaContentSignerBuilder("EC".equals(algorithm) ? "SHA256withECDSA" : "SHA256withRSA")
                .build(signer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(b.build(s));
    }

    private static String pem(Object o) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o);
        }
        return out.toString();
    }

    private static String pkcs8(KeyPair keys) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
        }
        return out.toString();
    }

    /** Written beside and renamed into place, as a deployment tool does: a reader never sees half a file. */
    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
