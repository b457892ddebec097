package dev.linkgate.core.config;

import java.time.Duration;

/** Durations as written in config: a whole number and a unit, {@code 500ms 2s 10m 72h 1d}. */
public final class Durations {
    private Durations() {
    }

    /**
     * @throws IllegalArgumentException for bare numbers, other units, fractions or garbage; the message is
     *                                  meant for the operator
     */
    public static Duration parse(String text) {
        String s = text.strip();
        int unitAt = 0;
        while (unitAt < s.length() && Character.isDigit(s.charAt(unitAt))) {
            unitAt++;
        }
        if (unitAt == 0 || unitAt > 18) {
            throw notADuration(text);
        }
        long amount = Long.parseLong(s.substring(0, unitAt));
        try {
            return switch (s.substring(unitAt)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> throw notADuration(text);
            };
        } catch (ArithmeticException tooLong) {
            throw notADuration(text);
        }
    }

    /** The shortest exact config form: {@code 72h}, {@code 800ms}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0 || ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    static Duration requirePositive(Duration d, String key) {
        if (d == null) {
            throw new NullPointerException(key);
        }
        if (d.isNegative() || d.isZero()) {
            throw new InvalidConfigValue(key, "must be longer than 0");
        }
        return d;
    }

    private static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException("\"" + text + "\" is not a duration (e.g. 500ms, 2s)");
    }
}
