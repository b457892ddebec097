package dev.linkgate.gateway.admin;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.FileSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BufferedStdoutAppenderTest {
    private final LoggerContext context = new LoggerContext();
    private final Stdout stdout = new Stdout();
    private final ManualFlusher flusher = new ManualFlusher();

    BufferedStdoutAppenderTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    @AfterEach
    void stopContext() {
        context.stop();
        flusher.shutdownNow();
    }

    @Test
    void linesWaitInTheBufferUntilTheFlushAndArriveWhole() {
        BufferedStdoutAppender<ILoggingEvent> appender = started(64 * 1024);

        appender.doAppend(event("{\"a\":1}"));
        appender.doAppend(event("{\"b\":2}"));
        assertEquals("", stdout.text(), "nothing is written per line");

        appender.flushNow();
        assertEquals("{\"a\":1}\n{\"b\":2}\n", stdout.text(), () -> context.getStatusManager().getCopyOfStatusList().toString());
        assertEquals(1, stdout.writes, "one write for both lines");
    }

    @Test
    void aFullBufferIsWrittenWithoutWaitingForTheFlush() {
        BufferedStdoutAppender<ILoggingEvent> appender = started(32);

        appender.doAppend(event("x".repeat(20)));
        assertEquals("", stdout.text());
        appender.doAppend(event("y".repeat(20)));

        assertEquals("x".repeat(20) + "\n", stdout.text(), "the first line went out when the second did not fit");
    }

    @Test
    void theFlushRunsEveryFlushIntervalOnItsOwnThread() {
        BufferedStdoutAppender<ILoggingEvent> appender = new BufferedStdoutAppender<>();
        appender.setFlushInterval(ch.qos.logback.core.util.Duration.buildByMilliseconds(250));
        start(appender);

        assertEquals(1, flusher.tasks.size());
        assertEquals(250, flusher.initialDelay);
        assertEquals(250, flusher.delay);
        appender.doAppend(event("line"));
        assertEquals("", stdout.text());

        flusher.tasks.get(0).run();
        assertEquals("line\n", stdout.text());
    }

    @Test
    void stopWritesWhatIsLeftAndLeavesStdoutOpen() {
        BufferedStdoutAppender<ILoggingEvent> appender = started(64 * 1024);
        appender.doAppend(event("last words"));

        appender.stop();

        assertEquals("last words\n", stdout.text());
        assertFalse(stdout.closed, "the process's stdout must stay open");
        assertTrue(flusher.isShutdown(), "the flush thread ends with the appender");
    }

    @Test
    void eachThreadFillsItsOwnBufferSoOneLoopsLineNeverWaitsOnAnothers() throws Exception {
        BufferedStdoutAppender<ILoggingEvent> appender = started(64 * 1024);
        appender.doAppend(event("from the test thread"));

        Thread other = new Thread(() -> appender.doAppend(event("from another thread")));
        other.start();
        other.join();
        assertEquals("", stdout.text(), "neither line is written yet: each sits in its thread's buffer");

        appender.flushNow();
        assertEquals(2, stdout.writes, "one write per thread's buffer");
        assertEquals(List.of("from another thread", "from the test thread"), stdout.text().lines().sorted().toList());
    }

    @Test
    void linesFromManyThreadsArriveWholeInTheirOrderAndNoneIsLost() throws Exception {
        BufferedStdoutAppender<ILoggingEvent> appender = started(512);
        int threads = 4;
        int lines = 3000;
        List<Thread> loggers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String name = "loop" + t;
            loggers.add(new Thread(() -> {
                for (int i = 0; i < lines; i++) {
                    appender.doAppend(event("{\"thread\":\"" + name + "\",\"line\":" + i + "}"));
                }
            }));
        }
        loggers.forEach(Thread::start);
        for (int i = 0; i < 50; i++) {
            appender.flushNow(); // the periodic flush, racing the loggers
        }
        for (Thread t : loggers) {
            t.join();
        }
        appender.stop();

        int[] next = new int[threads];
        for (String line : stdout.text().split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"thread\":\"loop(\\d)\",\"line\":(\\d+)}")
                    .matcher(line);
            assertTrue(m.matches(), () -> "a whole line: " + line);
            int t = Integer.parseInt(m.group(1));
            assertEquals(next[t]++, Integer.parseInt(m.group(2)), "loop" + t + "'s lines in the order logged");
        }
        for (int t = 0; t < threads; t++) {
            assertEquals(lines, next[t], "every line of loop" + t);
        }
    }

    @Test
    void linesOutsideAsciiAndLongerThanTheBufferAreWrittenAsTheEncoderWritesThem() {
        BufferedStdoutAppender<ILoggingEvent> appender = started(32);
        String longLine = "z".repeat(100);

        appender.doAppend(event("short"));
        appender.doAppend(event("Jörg ✓ “quoted”"));
        appender.doAppend(event(longLine));
        appender.doAppend(event("after"));
        appender.flushNow();

        assertEquals("short\nJörg ✓ “quoted”\n" + longLine + "\nafter\n", stdout.text());
    }

    @Test
    void nonsenseSizesAreRefused() {
        BufferedStdoutAppender<ILoggingEvent> appender = new BufferedStdoutAppender<>();
        assertThrows(IllegalArgumentException.class, () -> appender.setBufferSize(new FileSize(0)));
        assertThrows(IllegalArgumentException.class,
                () -> appender.setFlushInterval(ch.qos.logback.core.util.Duration.buildByMilliseconds(0)));
    }

    @Test
    void theShippedLogbackXmlSendsTheAccessLogThroughIt() throws Exception {
        URL shipped = getClass().getClassLoader().getResource("logback.xml");
        assertNotNull(shipped, "gateway/src/main/resources/logback.xml on the classpath");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(shipped);

        for (Status s : context.getStatusManager().getCopyOfStatusList()) {
            assertTrue(s.getLevel() < Status.ERROR, "logback.xml: " + s);
        }
        Logger access = context.getLogger(AccessLog.LOGGER);
        assertEquals(Level.INFO, access.getLevel());
        assertFalse(access.isAdditive(), "access lines go to stdout only");
        Appender<ILoggingEvent> appender = access.getAppender("ACCESS");
        BufferedStdoutAppender<?> buffered = assertInstanceOf(BufferedStdoutAppender.class, appender);
        assertTrue(buffered.isStarted());
        assertEquals(64 * 1024, buffered.bufferSize());
        assertEquals(1000, buffered.flushMillis());
        assertInstanceOf(MessageLineEncoder.class, buffered.getEncoder());
    }

    @Test
    void theAccessLogEncoderWritesWhatTheMsgNewlinePatternWrote() {
        PatternLayoutEncoder pattern = new PatternLayoutEncoder();
        pattern.setContext(context);
        pattern.setPattern("%msg%n");
        pattern.start();
        MessageLineEncoder lines = new MessageLineEncoder();
        lines.setContext(context);
        lines.start();
        for (String message : new String[] {"{\"path\":\"/sign/abcd…\",\"status\":200}", "", "Jörg ✓"}) {
            ILoggingEvent e = event(message);
            assertArrayEquals(pattern.encode(e), lines.encode(e), message);
        }
    }

    @Test
    void aLineHandedOverDirectlyIsWhatTheEventWouldHaveWritten() {
        BufferedStdoutAppender<ILoggingEvent> viaEvents = started(64);
        String[] lines = {"{\"path\":\"/sign/abcd…\"}", "{\"a\":1}", "", "Jörg ✓ 😀", "x".repeat(63), "y".repeat(200)};
        for (String line : lines) {
            viaEvents.doAppend(event(line));
        }
        viaEvents.stop();
        String expected = stdout.text();
        stdout.reset();

        BufferedStdoutAppender<ILoggingEvent> direct = started(64);
        for (String line : lines) {
            byte[] bytes = (line + "trailing bytes past the length").getBytes(StandardCharsets.UTF_8);
            direct.appendLine(bytes, line.getBytes(StandardCharsets.UTF_8).length);
        }
        direct.stop();
        assertEquals(expected, stdout.text());
    }

    @Test
    void linesGoDirectlyOnlyWhenTheShippedAppenderIsTheLoggersOnlyOne() throws Exception {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getClassLoader().getResource("logback.xml"));
        Logger access = context.getLogger(AccessLog.LOGGER);
        BufferedStdoutAppender<?> shipped = (BufferedStdoutAppender<?>) access.getAppender("ACCESS");
        assertSame(shipped, BufferedStdoutAppender.onlyAppenderOf(access), "the shipped logback.xml");

        ListAppender<ILoggingEvent> another = new ListAppender<>();
        another.start();
        access.addAppender(another);
        assertNull(BufferedStdoutAppender.onlyAppenderOf(access), "a second appender sees every line");
        access.detachAppender(another);
        assertSame(shipped, BufferedStdoutAppender.onlyAppenderOf(access));

        access.setAdditive(true);
        assertNull(BufferedStdoutAppender.onlyAppenderOf(access), "lines would reach the root's appenders too");
        access.setAdditive(false);

        @SuppressWarnings("unchecked")
        BufferedStdoutAppender<ILoggingEvent> typed = (BufferedStdoutAppender<ILoggingEvent>) shipped;
        typed.addFilter(new Filter<>() {
            @Override
            public FilterReply decide(ILoggingEvent event) {
                return FilterReply.DENY;
            }
        });
        assertNull(BufferedStdoutAppender.onlyAppenderOf(access), "a filter decides on each event");
        typed.clearAllFilters();
        assertSame(shipped, BufferedStdoutAppender.onlyAppenderOf(access));

        context.addTurboFilter(new TurboFilter() {
            @Override
            public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                                      Throwable t) {
                return FilterReply.NEUTRAL;
            }
        });
        assertNull(BufferedStdoutAppender.onlyAppenderOf(access), "a turbo filter may look at the message");
        context.resetTurboFilterList();
        assertSame(shipped, BufferedStdoutAppender.onlyAppenderOf(access));

        PatternLayoutEncoder pattern = new PatternLayoutEncoder();
        pattern.setContext(context);
        pattern.setPattern("%msg%n");
        pattern.start();
        typed.stop();
        typed.setEncoder(pattern);
        typed.start();
        assertTrue(typed.isStarted());
        assertNull(BufferedStdoutAppender.onlyAppenderOf(access), "another encoder writes other bytes");
        typed.stop();
        assertNull(BufferedStdoutAppender.onlyAppenderOf(access), "stopped");
        assertNull(BufferedStdoutAppender.onlyAppenderOf(org.slf4j.helpers.NOPLogger.NOP_LOGGER), "not logback");
    }

    private BufferedStdoutAppender<ILoggingEvent> started(int bufferSize) {
        BufferedStdoutAppender<ILoggingEvent> appender = new BufferedStdoutAppender<>();
        appender.setBufferSize(new FileSize(bufferSize));
        start(appender);
        return appender;
    }

    private void start(BufferedStdoutAppender<ILoggingEvent> appender) {
        MessageLineEncoder encoder = new MessageLineEncoder();
        encoder.setContext(context);
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.redirect(stdout, () -> flusher);
        appender.start();
        assertTrue(appender.isStarted(), () -> context.getStatusManager().getCopyOfStatusList().toString());
    }

    private ILoggingEvent event(String message) {
        Logger logger = context.getLogger(AccessLog.LOGGER);
        return new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, null, null);
    }

    /** Stands in for file descriptor 1: counts writes and remembers a close. */
    private static final class Stdout extends ByteArrayOutputStream {
        int writes;
        boolean closed;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes++;
            super.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            closed = true;
        }

        String text() {
            return toString(StandardCharsets.UTF_8);
        }
    }

    /** Keeps the scheduled flush instead of running it, so a test runs it when it wants. */
    private static final class ManualFlusher extends ScheduledThreadPoolExecutor {
        final List<Runnable> tasks = new ArrayList<>();
        long initialDelay;
        long delay;

        ManualFlusher() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit) {
            tasks.add(task);
            this.initialDelay = unit.toMillis(initialDelay);
            this.delay = unit.toMillis(delay);
            return null;
        }
    }
}
