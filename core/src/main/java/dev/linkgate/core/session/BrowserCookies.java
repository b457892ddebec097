package dev.linkgate.core.session;

import dev.linkgate.core.ledger.BrowserId;
import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.token.RandomBytes;
import dev.linkgate.core.token.SigningKey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * linkgate's own browser cookie: 128 random bits naming the browser that opened a link, with the link it was
 * set for and when, signed (HMAC-SHA256 with the Continue tokens' secret) so that it cannot be forged or moved
 * to another link's claim. The random part is what the ledger keeps as the link's owner; the link and time
 * let the Continue page tell a browser that another signer's session may be open in it.
 *
 * <p>Secret rotation ({@link #rotate}): a cookie signed with the previous secret keeps verifying for one cookie
 * lifetime (the resume window) after the rotation, as Continue tokens do for their TTL, so a reload with a new
 * secret does not turn every signer's browser into a stranger to the link it opened.
 */
public final class BrowserCookies {
    private static final byte VERSION = 1;
    private static final int RANDOM_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final int BYTES = 1 + RANDOM_BYTES + 8 + 8 + MAC_BYTES;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    /** The prefix browsers honour only on Secure, Path=/ cookies without Domain: no subdomain can set it. */
    public static final String HOST_PREFIX = "__Host-";

    private final String name;
    private final java.util.List<String> names;
    private final Duration lifetime;
    private final Clock clock;
    private final SigningKey key;

    public BrowserCookies(byte[] secret, String name, Duration lifetime, Clock clock) {
        this(new SigningKey(secret), name, lifetime, clock);
    }

    private BrowserCookies(SigningKey key, String name, Duration lifetime, Clock clock) {
        this.key = key;
        this.name = name;
        this.names = java.util.List.of(HOST_PREFIX + name, name);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /**
     * These cookies under {@code secret} and {@code name} (a reload): with a new secret, cookies signed with the
     * current one keep verifying for one lifetime from now; with the same secret, nothing about trust changes.
     */
    public BrowserCookies rotate(byte[] secret, String name) {
        return new BrowserCookies(key.rotate(secret, clock.instant().plus(lifetime)), name, lifetime, clock);
    }

    /** The cookie's name on this connection: with {@link #HOST_PREFIX} over HTTPS. */
    public String name(boolean https) {
        return https ? HOST_PREFIX + name : name;
    }

    /** Both names it may come back under, the prefixed one first. */
    public java.util.List<String> nameList() {
        return names;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A new cookie for the browser whose forward of {@code link} is starting. */
    public Minted mint(LinkId link) {
        byte[] r = RandomBytes.next(RANDOM_BYTES);
        ByteBuffer rb = ByteBuffer.wrap(r);
        BrowserId browser = new BrowserId(rb.getLong(), rb.getLong());
        long issued = clock.millis();
        ByteBuffer buf = ByteBuffer.allocate(BYTES);
        buf.put(VERSION).put(r).putLong(link.low()).putLong(issued);
        buf.put(mac(key, buf.array(), BYTES - MAC_BYTES));
        return new Minted(B64.encodeToString(buf.array()), browser, Instant.ofEpochMilli(issued));
    }

    /** The {@code Set-Cookie} value for a minted cookie; HttpOnly and SameSite=Lax always, Secure over HTTPS. */
    public String setCookie(Minted cookie, boolean https) {
        return name(https) + "=" + cookie.value() + "; Max-Age=" + lifetime.toSeconds() + "; Path=/"
                + (https ? "; Secure" : "") + "; HttpOnly; SameSite=Lax";
    }

    /**
     * The cookie a request carries, checked; null when it has none, or one that is not linkgate's, was forged,
     * or is older than its lifetime. Never throws on bad input.
     */
    public Presented read(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String n : names) {
            String value = CookieHeader.value(cookieHeader, n);
            Presented p = value == null ? null : verify(value);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private Presented verify(String value) {
        byte[] raw;
        try {
            raw = B64D.decode(value.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (raw.length != BYTES || raw[0] != VERSION) {
            return null;
        }
        byte[] presented = new byte[MAC_BYTES];
        System.arraycopy(raw, BYTES - MAC_BYTES, presented, 0, MAC_BYTES);
        if (!key.verifies(presented, k -> mac(k, raw, BYTES - MAC_BYTES), clock.instant())) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(raw, 1, BYTES - 1 - MAC_BYTES);
        BrowserId browser = new BrowserId(buf.getLong(), buf.getLong());
        long linkLow = buf.getLong();
        Instant issued = Instant.ofEpochMilli(buf.getLong());
        Instant now = clock.instant();
        if (!now.isBefore(issued.plus(lifetime)) || issued.isAfter(now.plusSeconds(60))) {
            return null;
        }
        return new Presented(browser, linkLow, issued);
    }

    private static byte[] mac(SigningKey key, byte[] data, int length) {
        byte[] full = key.sign((byte) 'B', data, length);
        byte[] cut = new byte[MAC_BYTES];
        System.arraycopy(full, 0, cut, 0, MAC_BYTES);
        return cut;
    }

    /** A cookie to set: its value (a credential: never log it), the browser it names, when it was set. */
    public record Minted(String value, BrowserId browser, Instant issuedAt) {
        @Override
        public String toString() {
            return "Minted[redacted, issuedAt=" + issuedAt + "]";
        }
    }

    /** A valid cookie a request carried: its browser, the link it was set for, when. */
    public record Presented(BrowserId browser, long linkLow, Instant issuedAt) {
        public boolean isFor(LinkId link) {
            return link.low() == linkLow;
        }
    }
}
