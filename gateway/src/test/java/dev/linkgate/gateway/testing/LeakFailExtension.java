package dev.linkgate.gateway.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Fails a test when Netty's leak detector reports a leak. Registered for every gateway test through
 * {@code META-INF/services} and JUnit's extension autodetection. The detector logs a leak (at ERROR) only once
 * the leaked buffer was garbage-collected and a later allocation polls its queue, so after each test this
 * forces a collection and a few allocations, then fails on anything reported (a leak that needs more
 * collections shows up in a later test).
 */
public final class LeakFailExtension implements AfterEachCallback {
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

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> leaks = collectLeaks();
        if (!leaks.isEmpty()) {
            throw new AssertionError("Netty reported " + leaks.size() + " leak(s):\n" + String.join("\n\n", leaks));
        }
    }

    /** Forces pending leak reports out and returns (and forgets) what was reported since the last call. */
    public static List<String> collectLeaks() {
        System.gc();
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
