package dev.linkgate.gateway.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Fails a test when Netty's leak detector reports a leak. Registered for every gateway test through
 * {@code META-INF/services} and JUnit's extension autodetection. The detector logs a leak (at ERROR) only once
 * the leaked buffer was garbage-collected and a later allocation polls its queue: after each test this makes a
 * few allocations and fails on anything reported; after each class it first forces a full collection (one
 * per class rather than per test keeps the suite fast), failing the class.
 */
public final class LeakFailExtension implements AfterEachCallback, AfterAllCallback {
    private static final List<String> REPORTS = new ArrayList<>();

    static {
        Logger detector = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                    synchronized (REPORTS) {
                        REPORTS.add(event.getFormattedMessage());
                    }
                }
            }
        };
        capture.setContext(detector.getLoggerContext());
        capture.setName("netty-leaks");
        capture.start();
        detector.addAppender(capture);
    }

    /** After each test: whatever the collector already found (young collections run often in these tests). */
    @Override
    public void afterEach(ExtensionContext context) {
        fail(reported(false));
    }

    /** After each class: a full collection, so nothing a class leaked goes unreported. */
    @Override
    public void afterAll(ExtensionContext context) {
        fail(reported(true));
    }

    /** Forces pending leak reports out and returns (and forgets) what was reported since the last call. */
    public static List<String> collectLeaks() {
        return reported(true);
    }

    private static void fail(List<String> leaks) {
        if (!leaks.isEmpty()) {
            throw new AssertionError("Netty reported " + leaks.size() + " leak(s):\n" + String.join("\n\n", leaks));
        }
    }

    private static List<String> reported(boolean collect) {
        if (collect) {
            System.gc();
        }
        for (int i = 0; i < 64; i++) {
            ByteBufAllocator.DEFAULT.directBuffer(16).release();
            ByteBufAllocator.DEFAULT.heapBuffer(16).release();
            Unpooled.directBuffer(16).release();
        }
        synchronized (REPORTS) {
            List<String> out = List.copyOf(REPORTS);
            REPORTS.clear();
            return out;
        }
    }
}
