package dev.linkgate.core.detect;

import java.time.LocalDate;

/**
 * When a browser with a fixed release cadence ships each major, calibrated on two known releases and extended
 * in a straight line, so the current major on any date follows without a table to update.
 *
 * @param name       for explain traces
 * @param firstMajor a calibration release
 * @param firstDay   its release date, as an epoch day
 * @param laterMajor a later calibration release
 * @param laterDay   its release date, as an epoch day
 */
public record ReleaseCalendar(String name, int firstMajor, long firstDay, int laterMajor, long laterDay) {

    /** Chrome 100 shipped on 2022-03-29 and Chrome 131 on 2024-11-12: about 31 days a major. Edge follows. */
    public static final ReleaseCalendar CHROME =
            of("Chrome", 100, LocalDate.of(2022, 3, 29), 131, LocalDate.of(2024, 11, 12));
    /** Firefox 100 shipped on 2022-05-03 and Firefox 133 on 2024-11-26: about 28 days a major. */
    public static final ReleaseCalendar FIREFOX =
            of("Firefox", 100, LocalDate.of(2022, 5, 3), 133, LocalDate.of(2024, 11, 26));

    public ReleaseCalendar {
        if (laterMajor <= firstMajor || laterDay <= firstDay) {
            throw new IllegalArgumentException("calibration releases must be in order");
        }
    }

    public static ReleaseCalendar of(String name, int firstMajor, LocalDate first, int laterMajor, LocalDate later) {
        return new ReleaseCalendar(name, firstMajor, first.toEpochDay(), laterMajor, later.toEpochDay());
    }

    /** The newest stable major on the given epoch day. */
    public int currentMajor(long epochDay) {
        return firstMajor + (int) Math.floorDiv((epochDay - firstDay) * (laterMajor - firstMajor), laterDay - firstDay);
    }
}
