package dev.linkgate.core.token;

import dev.linkgate.core.request.LinkId;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Continue tokens carried by the interstitial's form: HMAC-SHA256 over the link, the browser fingerprint,
 * the issue time and a random nonce, in base64url. The link and fingerprint are not in the token, only in
 * its MAC, so a token works for one link and one browser only. Tokens expire, and the policy spends the
 * nonce so each works once. All comparisons are constant-time.
 *
 * <p>The gesture proof is a second MAC over the nonce: the page's script puts it into the form only on a
 * trusted click after a short dwell, and the server checks the dwell again from the issue time.
 *
 * <p>Secret rotation ({@link #rotate}): tokens signed with the previous secret keep verifying for the
 * continue TTL after the rotation, so the pages people have open when the secret changes still work; after that
 * only the current secret is tried.
 */
public final class ContinueTokens {
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int MAC_BYTES = 32;
    private static final int PROOF_BYTES = 16;
    private static final int TOKEN_BYTES = 1 + 8 + NONCE_BYTES + MAC_BYTES;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SigningKey key;
    private final Duration ttl;
    private final Clock clock;

    public ContinueTokens(byte[] secret, Duration ttl, Clock clock) {
        this(new SigningKey(secret), ttl, clock);
    }

    private ContinueTokens(SigningKey key, Duration ttl, Clock clock) {
        this.key = key;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * The tokens after a reload: signed with {@code secret} from now on. When the secret changed, tokens signed
     * with this one's secret keep verifying until {@code ttl} from now; when it did not, only the TTL changes and
     * an earlier rotation's window stays as it was.
     */
    public ContinueTokens rotate(byte[] secret, Duration ttl) {
        return new ContinueTokens(key.rotate(secret, clock.instant().plus(ttl)), ttl, clock);
    }

    public Duration ttl() {
        return ttl;
    }

    /** A new token for this link and browser. */
    public Minted mint(LinkId link, long fingerprint) {
        byte[] nonce = RandomBytes.next(NONCE_BYTES);
        Instant issued = clock.instant();
        long issuedMillis = issued.toEpochMilli();
        ByteBuffer buf = ByteBuffer.allocate(TOKEN_BYTES);
        buf.put(VERSION).putLong(issuedMillis).put(nonce);
        buf.put(mac(key, issuedMillis, nonce, link, fingerprint));
        String token = B64.encodeToString(buf.array());
        return new Minted(token, B64.encodeToString(nonce), Instant.ofEpochMilli(issuedMillis),
                Instant.ofEpochMilli(issuedMillis).plus(ttl));
    }

    /** Checks a token presented for this link by this browser. Never throws on bad input. */
    public Check verify(String token, LinkId link, long fingerprint) {
        byte[] raw;
        try {
            raw = token == null ? null : B64D.decode(token);
        } catch (IllegalArgumentException e) {
            raw = null;
        }
        if (raw == null || raw.length != TOKEN_BYTES || raw[0] != VERSION) {
            return Check.invalid();
        }
        ByteBuffer buf = ByteBuffer.wrap(raw);
        buf.get();
        long issuedMillis = buf.getLong();
        byte[] nonce = new byte[NONCE_BYTES];
        buf.get(nonce);
        byte[] presented = new byte[MAC_BYTES];
        buf.get(presented);
        if (!key.verifies(presented, k -> mac(k, issuedMillis, nonce, link, fingerprint), clock.instant())) {
            return Check.invalid();
        }
        Instant issued = Instant.ofEpochMilli(issuedMillis);
        Instant expires = issued.plus(ttl);
        Instant now = clock.instant();
        if (!now.isBefore(expires) || issued.isAfter(now.plusSeconds(60))) {
            return new Check(Check.Status.EXPIRED, B64.encodeToString(nonce), issued, expires);
        }
        return new Check(Check.Status.VALID, B64.encodeToString(nonce), issued, expires);
    }

    /** The gesture proof for a token: what the page's script submits after a trusted click. */
    public String proof(String token) {
        return proof(key, token);
    }

    private static String proof(SigningKey key, String token) {
        byte[] ascii = token.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] full = key.sign((byte) 'P', ascii, ascii.length);
        byte[] cut = new byte[PROOF_BYTES];
        System.arraycopy(full, 0, cut, 0, PROOF_BYTES);
        return B64.encodeToString(cut);
    }

    /** Constant-time check of a presented gesture proof. */
    public boolean proofMatches(String token, String presented) {
        if (token == null || presented == null) {
            return false;
        }
        byte[] given = presented.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return key.verifies(given, k -> proof(k, token).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                clock.instant());
    }

    private static byte[] mac(SigningKey key, long issuedMillis, byte[] nonce, LinkId link, long fingerprint) {
        ByteBuffer b = ByteBuffer.allocate(1 + 8 + NONCE_BYTES + 16 + 8);
        b.put(VERSION).putLong(issuedMillis).put(nonce).putLong(link.high()).putLong(link.low()).putLong(fingerprint);
        return key.sign(b.array(), b.capacity());
    }

    /** A freshly minted token with its nonce and lifetime. */
    public record Minted(String token, String nonce, Instant issuedAt, Instant expiresAt) {
    }

    /** The result of checking a token. */
    public record Check(Status status, String nonce, Instant issuedAt, Instant expiresAt) {
        public enum Status { VALID, INVALID, EXPIRED }

        static Check invalid() {
            return new Check(Status.INVALID, null, null, null);
        }

        public boolean valid() {
            return status == Status.VALID;
        }
    }
}
