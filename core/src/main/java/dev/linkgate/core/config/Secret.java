package dev.linkgate.core.config;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The key that signs continue tokens. {@code generated} is true when none was configured and a random one
 * was made: continue pages then do not survive a restart or work across replicas. At least 32 bytes.
 * The bytes never appear in {@link #toString()} or any message.
 */
public record Secret(byte[] bytes, boolean generated) {
    public Secret {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length < ConfigDefaults.SECRET_BYTES) {
            throw new InvalidConfigValue("secret", "must be at least " + ConfigDefaults.SECRET_BYTES
                    + " bytes (got " + bytes.length + ")");
        }
        bytes = bytes.clone();
    }

    /** 32 random bytes from SecureRandom, marked generated. */
    public static Secret generate() {
        byte[] bytes = new byte[ConfigDefaults.SECRET_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new Secret(bytes, true);
    }

    /** A copy: the secret cannot be changed through it. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && generated == other.generated && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(generated) * 31 + bytes.length;
    }

    @Override
    public String toString() {
        return "Secret[" + bytes.length + " bytes" + (generated ? ", generated" : "") + "]";
    }
}
