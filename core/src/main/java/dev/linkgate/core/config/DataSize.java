package dev.linkgate.core.config;

import java.util.Locale;

/** A size in bytes, written in config as 512, 8KiB, 16KiB, 1MiB, 256KiB, 2GiB (also KB/MB = 1000-based). */
public record DataSize(long bytes) {
    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    public static DataSize ofKibibytes(long kib) {
        return new DataSize(Math.multiplyExact(kib, 1024L));
    }

    /**
     * A whole number with an optional unit, case-insensitive: B, KB, MB, GB (powers of 1000), KiB, MiB, GiB
     * (powers of 1024). A bare number is bytes.
     *
     * @throws IllegalArgumentException with a message for the operator
     */
    public static DataSize parse(String text) {
        String s = text.strip();
        int unitAt = 0;
        while (unitAt < s.length() && Character.isDigit(s.charAt(unitAt))) {
            unitAt++;
        }
        if (unitAt == 0 || unitAt > 18) {
            throw notASize(text);
        }
        long amount = Long.parseLong(s.substring(0, unitAt));
        long unit = switch (s.substring(unitAt).strip().toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1;
            case "kb" -> 1000;
            case "mb" -> 1000_000;
            case "gb" -> 1000_000_000;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            default -> throw notASize(text);
        };
        try {
            return new DataSize(Math.multiplyExact(amount, unit));
        } catch (ArithmeticException tooLarge) {
            throw notASize(text);
        }
    }

    /** For Netty's int limits; sizes in config are validated to fit. */
    public int toIntBytes() {
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /** A size limit used with an int API: at least 1 byte, below 2GiB. */
    static DataSize requireIntLimit(DataSize size, String key) {
        if (size == null) {
            throw new NullPointerException(key);
        }
        if (size.bytes < 1 || size.bytes > Integer.MAX_VALUE) {
            throw new InvalidConfigValue(key, "must be at least 1 byte and less than 2GiB");
        }
        return size;
    }

    private static IllegalArgumentException notASize(String text) {
        return new IllegalArgumentException("\"" + text + "\" is not a size (e.g. 512, 64KiB, 1MiB)");
    }
}
