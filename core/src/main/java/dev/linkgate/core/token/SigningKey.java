package dev.linkgate.core.token;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * The secret everything linkgate hands out is signed with (Continue tokens, the browser cookie): HMAC-SHA256,
 * one {@link Mac} per thread because a {@code Mac} is not thread-safe and building one per call costs more than
 * the signature. A one-byte tag in front of the data keeps one kind of signature from passing for another.
 */
public final class SigningKey {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public SigningKey(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the secret must be at least 32 bytes");
        }
        SecretKeySpec spec = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.key = spec;
        this.macs = ThreadLocal.withInitial(() -> newMac(spec));
    }

    /** HMAC-SHA256 (32 bytes) over the first {@code length} bytes of {@code data}. */
    public byte[] sign(byte[] data, int length) {
        Mac mac = macs.get();
        mac.update(data, 0, length);
        return mac.doFinal();
    }

    /** HMAC-SHA256 (32 bytes) over {@code tag} followed by the first {@code length} bytes of {@code data}. */
    public byte[] sign(byte tag, byte[] data, int length) {
        Mac mac = macs.get();
        mac.update(tag);
        mac.update(data, 0, length);
        return mac.doFinal();
    }

    /** True when both sign with the same secret (compared in constant time). */
    public boolean sameSecret(SigningKey other) {
        return MessageDigest.isEqual(key.getEncoded(), other.key.getEncoded());
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is required by the Java platform", e);
        }
    }
}
