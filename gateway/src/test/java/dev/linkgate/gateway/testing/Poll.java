package dev.linkgate.gateway.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits for a condition that only another process can make true (redis-server starting, a cluster forming,
 * a client reconnecting): checks it, pauses briefly between checks, and gives up at a deadline. Waits on
 * linkgate's own state use latches or futures instead; time-based logic uses a clock the test advances.
 */
public final class Poll {
    private static final long BETWEEN_CHECKS_NANOS = Duration.ofMillis(20).toNanos();

    private Poll() {
    }

    /** A check that may throw, e.g. one that reads a log when the process died. */
    @FunctionalInterface
    public interface Check {
        boolean done() throws Exception;
    }

    /** True as soon as the check passes; false when the deadline passed first. */
    public static boolean until(Duration deadline, Check check) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            if (check.done()) {
                return true;
            }
            if (System.nanoTime() >= end) {
                return false;
            }
            LockSupport.parkNanos(BETWEEN_CHECKS_NANOS);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting");
            }
        }
    }
}
