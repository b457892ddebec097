package dev.linkgate.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void everyUnitParses() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(2), Durations.parse("2s"));
        assertEquals(Duration.ofMinutes(10), Durations.parse("10m"));
        assertEquals(Duration.ofHours(72), Durations.parse("72h"));
        assertEquals(Duration.ofDays(1), Durations.parse("1d"));
        assertEquals(Duration.ZERO, Durations.parse("0s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "2x", "1.5s", "-2s", "s", "", "2 s", "2S", "1h30m", "99999999999999999999d"})
    void bareNumbersAndGarbageAreRejectedWithAnExample(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertEquals("\"" + text + "\" is not a duration (e.g. 500ms, 2s)", e.getMessage());
    }

    @Test
    void formatWritesTheLargestExactUnit() {
        assertEquals("3d", Durations.format(Duration.ofHours(72)));
        assertEquals("90m", Durations.format(Duration.ofMinutes(90)));
        assertEquals("2s", Durations.format(Duration.ofSeconds(2)));
        assertEquals("800ms", Durations.format(Duration.ofMillis(800)));
    }
}
