package dev.linkgate.core.token;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.function.Function;

/**
 * The secret everything linkgate hands out is signed with (Continue tokens, the browser cookie): HMAC-SHA256,
 * one {@link Mac} per thread because a {@code Mac} is not thread-safe and building one per call costs more than
 * the signature. A one-byte tag in front of the data keeps one kind of signature from passing for another.
 *
 * <p>Rotation ({@link #rotate}): what the key before a reload signed keeps verifying until a given instant, so
 * the pages and cookies people hold when the secret changes still work for their lifetime.
 */
public final class SigningKey {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    /** The key before the last rotation, or null; accepted only before {@link #previousUntil}. */
    private final SigningKey previous;
    private final Instant previousUntil;

    public SigningKey(byte[] secret) {
        this(spec(secret), null, null);
    }

    private SigningKey(SecretKeySpec key, SigningKey previous, Instant previousUntil) {
        this.key = key;
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
        this.previous = previous;
        this.previousUntil = previousUntil;
    }

    private static SecretKeySpec spec(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the secret must be at least 32 bytes");
        }
        return new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /**
     * The key after a reload: signs with {@code secret} from now on. When the secret changed, what this key
     * signed keeps verifying until {@code previousUntil}; when it did not, this key is kept as it is (an earlier
     * rotation's window included).
     */
    public SigningKey rotate(byte[] secret, Instant previousUntil) {
        SecretKeySpec next = spec(secret);
        if (MessageDigest.isEqual(next.getEncoded(), key.getEncoded())) {
            return this;
        }
        return new SigningKey(next, new SigningKey(key, null, null), previousUntil);
    }

    /**
     * Whether {@code presented} is what {@code signature} computes with this key, or with the one before the last
     * rotation while it is still accepted at {@code now}; compared in constant time.
     */
    public boolean verifies(byte[] presented, Function<SigningKey, byte[]> signature, Instant now) {
        return MessageDigest.isEqual(presented, signature.apply(this))
                || previous != null && now.isBefore(previousUntil)
                && MessageDigest.isEqual(presented, signature.apply(previous));
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
