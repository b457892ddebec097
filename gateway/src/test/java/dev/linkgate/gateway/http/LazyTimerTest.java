package dev.linkgate.gateway.http;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LazyTimerTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private EmbeddedChannel ch;
    private LazyTimer timer;
    private int fired;
    private final Runnable fire = () -> fired++;

    @BeforeEach
    void setUp() {
        ch = new EmbeddedChannel();
        ch.freezeTime();
        timer = new LazyTimer(ch.eventLoop(), 10 * SECOND);
    }

    @AfterEach
    void tearDown() {
        ch.finishAndReleaseAll();
    }

    private void advanceMillis(long millis) {
        ch.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
    }

    @Test
    void firesAtItsDeadlineAndOnlyOnce() {
        timer.arm(60 * SECOND, fire);

        advanceMillis(59_999);
        assertEquals(0, fired);
        advanceMillis(1);
        assertEquals(1, fired);
        assertFalse(timer.armed());

        advanceMillis(600_000);
        assertEquals(1, fired);
    }

    @Test
    void reArmingMovesTheDeadlineWithoutFiringEarly() {
        timer.arm(30 * SECOND, fire);
        advanceMillis(25_000);
        timer.arm(30 * SECOND, fire);

        advanceMillis(5_000);
        assertEquals(0, fired, "the first deadline was replaced");
        advanceMillis(24_999);
        assertEquals(0, fired);
        advanceMillis(1);
        assertEquals(1, fired);
    }

    @Test
    void aShorterDeadlineArmedAfterALongerOneStillFiresOnTime() {
        timer.arm(60 * SECOND, fire);
        advanceMillis(3_000);
        timer.arm(10 * SECOND, fire);

        advanceMillis(9_999);
        assertEquals(0, fired);
        advanceMillis(1);
        assertEquals(1, fired);
    }

    @Test
    void aDisarmedTimerNeverFires() {
        timer.arm(10 * SECOND, fire);
        timer.disarm();

        advanceMillis(120_000);
        assertEquals(0, fired);
    }

    @Test
    void disarmingForAnotherOwnerLeavesTheTimerArmed() {
        Runnable other = () -> { };
        timer.arm(10 * SECOND, fire);
        timer.disarm(other);

        advanceMillis(10_000);
        assertEquals(1, fired);
    }

    @Test
    void aTimeoutBelowTheShortestIsRaisedToIt() {
        timer.arm(1, fire);

        advanceMillis(9_999);
        assertEquals(0, fired);
        advanceMillis(1);
        assertEquals(1, fired);
    }

    @Test
    void stopDropsThePendingCheck() {
        timer.arm(10 * SECOND, fire);
        timer.stop();

        assertFalse(timer.armed());
        advanceMillis(60_000);
        assertEquals(0, fired);
        timer.arm(10 * SECOND, fire);
        advanceMillis(10_000);
        assertEquals(1, fired, "a stopped timer can be armed again");
        assertTrue(ch.isOpen());
    }

    @Test
    void theShortestTimeoutMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new LazyTimer(ch.eventLoop(), 0));
    }
}
