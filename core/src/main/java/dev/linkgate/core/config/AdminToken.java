package dev.linkgate.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * {@code admin.token}: the bearer token that the admin port's protected paths (link history, and any admin
 * write) require. Compared in constant time; never shown in {@link #toString()} or any message.
 */
public final class AdminToken {
    /** Short tokens can be guessed; 16 characters of a generated token is the least we accept. */
    static final int MIN_LENGTH = 16;

    private final byte[] digest;

    public AdminToken(String token) {
        Objects.requireNonNull(token, "token");
        if (token.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("must be at least " + MIN_LENGTH + " characters (e.g. openssl rand"
                    + " -hex 24)");
        }
        if (token.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw new IllegalArgumentException("must be printable ASCII without spaces");
        }
        digest = sha256(token);
    }

    /**
     * True when {@code presented} is the token. Both sides are hashed first, so the comparison takes the same
     * time whatever the presented value's length or content.
     */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "AdminToken[****]";
    }
}
