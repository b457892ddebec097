package dev.linkgate.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataSizeTest {

    @Test
    void binaryUnitsArePowersOf1024() {
        assertEquals(64 * 1024, DataSize.parse("64KiB").bytes());
        assertEquals(8 * 1024, DataSize.parse("8KiB").bytes());
        assertEquals(1L << 20, DataSize.parse("1MiB").bytes());
        assertEquals(1L << 30, DataSize.parse("1GiB").bytes());
    }

    @Test
    void decimalUnitsArePowersOf1000() {
        assertEquals(1000, DataSize.parse("1KB").bytes());
        assertEquals(2_000_000, DataSize.parse("2MB").bytes());
        assertEquals(1_000_000_000, DataSize.parse("1GB").bytes());
    }

    @Test
    void aBareNumberIsBytes() {
        assertEquals(512, DataSize.parse("512").bytes());
        assertEquals(512, DataSize.parse("512B").bytes());
    }

    @Test
    void unitsAreCaseInsensitiveAndMayFollowASpace() {
        assertEquals(16 * 1024, DataSize.parse("16 kib").bytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "KiB", "1.5MiB", "-1", "12QB", "1TiB", "99999999999GiB"})
    void garbageIsRejectedWithAnExample(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSize.parse(text));
        assertEquals("\"" + text + "\" is not a size (e.g. 512, 64KiB, 1MiB)", e.getMessage());
    }

    @Test
    void toIntBytesSaturates() {
        assertEquals(Integer.MAX_VALUE, new DataSize(1L << 40).toIntBytes());
    }
}
