package dev.linkgate.bench;

import dev.linkgate.core.ledger.SharedResponse;
import dev.linkgate.core.request.LinkId;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * An endless supply of distinct links, so every operation meets a link the ledger has not seen, as a first
 * click does. Ids are a SplitMix64 sequence (a few ns, as evenly spread as SHA-256 output) so a benchmark of
 * the ledger does not also measure the hash; {@link #nextKey()} gives a token-like key for whole-policy runs.
 */
public final class UniqueLinks {
    private static final String KEY_PREFIX = "q7Rf2KxWm9";

    /** What the signing app answers to a link's first click: a redirect that starts the signing session. */
    public static final SharedResponse SIGN_REDIRECT = new SharedResponse(302, List.of(
            Map.entry("Location", "/documents/8c1f2b7e-5d4a-4e0b-9d7e-3a6b2c1f0e9d/sign?session=fresh"),
            Map.entry("Set-Cookie", "sid=4d2f8a1c9e7b6a5d3c2b1a0f9e8d7c6b; Path=/; HttpOnly; Secure; SameSite=Lax"),
            Map.entry("Content-Length", "0")), new byte[0]);

    private long state;

    public UniqueLinks(long seed) {
        this.state = seed;
    }

    public LinkId nextId() {
        return new LinkId(next(), next());
    }

    /** A 22-24 character token such as a signing app puts into its email links. */
    public String nextKey() {
        return KEY_PREFIX + Long.toString(next() >>> 1, 36);
    }

    private long next() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
