package dev.linkgate.gateway.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificates and private keys from PEM files as operators have them: a chain in one file (leaf first), and a
 * key as PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}, as
 * {@code openssl ecparam -genkey} writes it, possibly after an {@code EC PARAMETERS} block). The JDK reads only
 * PKCS#8, so the other two are wrapped into it here (a few bytes of DER) rather than pulling in a crypto library.
 */
public final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    /** AlgorithmIdentifier of rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    /** The OID of id-ecPublicKey (1.2.840.10045.2.1), encoded. */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    /** Named-curve OIDs, encoded: secp256r1 (1.2.840.10045.3.1.7), secp384r1 (1.3.132.0.34), secp521r1. */
    private static final byte[] P256 = {0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07};
    private static final byte[] P384 = {0x06, 0x05, 0x2b, (byte) 0x81, 0x04, 0x00, 0x22};
    private static final byte[] P521 = {0x06, 0x05, 0x2b, (byte) 0x81, 0x04, 0x00, 0x23};

    private PemFiles() {
    }

    /** The certificate chain, leaf first; fails when the file holds none. */
    public static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        byte[] bytes = Files.readAllBytes(file);
        List<X509Certificate> chain;
        try {
            chain = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))
                    .stream().map(c -> (X509Certificate) c).toList();
        } catch (CertificateException e) {
            throw new CertificateException(file + ": not a PEM certificate (" + e.getMessage() + ")", e);
        }
        if (chain.isEmpty()) {
            throw new CertificateException(file + ": no certificate in the file");
        }
        return chain;
    }

    /** The first private key in the file. */
    public static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            if (type.endsWith("PRIVATE KEY")) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(2));
                return switch (type) {
                    case "PRIVATE KEY" -> pkcs8(der);
                    case "RSA PRIVATE KEY" -> KeyFactory.getInstance("RSA").generatePrivate(
                            new PKCS8EncodedKeySpec(wrap(RSA_ALGORITHM, der)));
                    case "EC PRIVATE KEY" -> KeyFactory.getInstance("EC").generatePrivate(
                            new PKCS8EncodedKeySpec(wrap(ecAlgorithm(der), der)));
                    case "ENCRYPTED PRIVATE KEY" -> throw new GeneralSecurityException(file
                            + ": the key is encrypted; give linkgate an unencrypted key (openssl pkey -in KEY -out PLAIN)");
                    default -> throw new GeneralSecurityException(file + ": unsupported key type " + type);
                };
            }
        }
        throw new GeneralSecurityException(file + ": no PEM private key in the file");
    }

    /** Fails unless {@code key} is the private half of {@code leaf}'s public key. */
    public static void requireMatch(PrivateKey key, X509Certificate leaf) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new GeneralSecurityException("unsupported key algorithm " + key.getAlgorithm());
        };
        byte[] probe = "linkgate".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(leaf.getPublicKey());
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("the key does not belong to the certificate "
                    + leaf.getSubjectX500Principal().getName());
        }
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : new String[]{"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new GeneralSecurityException("not an RSA, EC or Ed25519 PKCS#8 key", last);
    }

    /** PrivateKeyInfo: SEQUENCE { INTEGER 0, algorithm, OCTET STRING key }. */
    private static byte[] wrap(byte[] algorithm, byte[] key) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(key.length + 32);
        body.writeBytes(new byte[]{0x02, 0x01, 0x00});
        body.writeBytes(algorithm);
        writeTagged(body, 0x04, key);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 4);
        writeTagged(out, 0x30, body.toByteArray());
        return out.toByteArray();
    }

    /**
     * SEQUENCE { id-ecPublicKey, curve } from the SEC1 key's own [0] parameters:
     * ECPrivateKey ::= SEQUENCE { INTEGER 1, OCTET STRING, [0] curve OID OPTIONAL, [1] BIT STRING OPTIONAL }.
     */
    private static byte[] ecAlgorithm(byte[] sec1) throws GeneralSecurityException {
        Der outer = new Der(sec1, 0);
        if (outer.tag != 0x30) {
            throw new GeneralSecurityException("not an EC private key");
        }
        byte[] curve = null;
        int privateKeyLength = 0;
        Der field = new Der(sec1, outer.start);
        while (true) {
            if (field.tag == 0x04) {
                privateKeyLength = field.length;
            } else if (field.tag == 0xa0) {
                Der oid = new Der(sec1, field.start);
                curve = java.util.Arrays.copyOfRange(sec1, oid.offset, oid.end());
            }
            if (field.end() >= outer.end()) {
                break;
            }
            field = new Der(sec1, field.end());
        }
        if (curve == null) {
            // Some writers leave the curve out of the key itself: the NIST curves are told apart by key length.
            curve = switch (privateKeyLength) {
                case 32 -> P256;
                case 48 -> P384;
                case 66 -> P521;
                default -> throw new GeneralSecurityException("the EC key does not name its curve; convert it to"
                        + " PKCS#8 (openssl pkcs8 -topk8 -nocrypt)");
            };
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(EC_PUBLIC_KEY);
        body.writeBytes(curve);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTagged(out, 0x30, body.toByteArray());
        return out.toByteArray();
    }

    private static void writeTagged(ByteArrayOutputStream out, int tag, byte[] content) {
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
    }

    /** One DER element's header: its tag, where its content starts and how long it is. */
    private static final class Der {
        final int offset;
        final int tag;
        final int start;
        final int length;

        Der(byte[] b, int offset) throws GeneralSecurityException {
            if (offset + 2 > b.length) {
                throw new GeneralSecurityException("truncated key");
            }
            this.offset = offset;
            this.tag = b[offset] & 0xff;
            int first = b[offset + 1] & 0xff;
            int at = offset + 2;
            int len;
            if (first < 0x80) {
                len = first;
            } else {
                int bytes = first & 0x7f;
                if (bytes > 3 || at + bytes > b.length) {
                    throw new GeneralSecurityException("malformed key");
                }
                len = 0;
                for (int i = 0; i < bytes; i++) {
                    len = len << 8 | b[at++] & 0xff;
                }
            }
            this.start = at;
            this.length = len;
            if (end() > b.length) {
                throw new GeneralSecurityException("truncated key");
            }
        }

        int end() {
            return start + length;
        }
    }
}
