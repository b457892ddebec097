package dev.linkgate.bench;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The Chrome major that is current on a date, by the same rule of thumb as the stale-browser signal: Chrome 131
 * shipped on 2024-11-12 and a major follows about every 31 days. Benchmarks use it so that their "current
 * Chrome" stays current whenever they run.
 */
public final class ChromeRelease {
    private static final int ANCHOR_MAJOR = 131;
    private static final LocalDate ANCHOR_DATE = LocalDate.of(2024, 11, 12);
    private static final int DAYS_PER_MAJOR = 31;

    private ChromeRelease() {
    }

    public static int currentMajor(LocalDate today) {
        long days = ChronoUnit.DAYS.between(ANCHOR_DATE, today);
        return ANCHOR_MAJOR + (int) Math.max(0, days / DAYS_PER_MAJOR);
    }

    /** Prints the current major, for scripts/bench. */
    public static void main(String[] args) {
        System.out.println(currentMajor(LocalDate.now(java.time.ZoneOffset.UTC)));
    }
}
