package dev.linkgate.core.ledger;

/**
 * The random 128 bits of linkgate's browser cookie: which browser owns a link's first click. It is a
 * credential (its holder resumes the link's session), so the ledger compares it in constant time.
 */
public record BrowserId(long high, long low) {

    /** Constant time: every bit is compared whatever the first difference. Null never matches. */
    public boolean sameAs(BrowserId other) {
        if (other == null) {
            return false;
        }
        return ((high ^ other.high) | (low ^ other.low)) == 0;
    }

    /** The stored form: 32 hex digits. */
    public String hex() {
        return String.format("%016x%016x", high, low);
    }

    /** @return null for text that is not 32 hex digits */
    public static BrowserId fromHex(String hex) {
        if (hex == null || hex.length() != 32) {
            return null;
        }
        try {
            return new BrowserId(Long.parseUnsignedLong(hex, 0, 16, 16), Long.parseUnsignedLong(hex, 16, 32, 16));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "BrowserId[redacted]";
    }
}
