package dev.linkgate.gateway.admin;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One access log line appended by two threads at once, as the two event loops of {@code scripts/bench} do: the
 * cost of {@link BufferedStdoutAppender} per line, its writes going to a null stream. In the package of the
 * appender for its test hook ({@code redirect}); the logger's own work (building the event) is left out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
public class AccessLogAppendBench {
    private static final String LINE = "{\"time\":\"2026-12-02T10:00:00.123Z\",\"client\":\"127.0.0.1\",\"method\":\"GET\","
            + "\"path\":\"/static/app.css\",\"protocol\":\"HTTP/1.1\",\"decision\":\"pass\",\"reasons\":[],"
            + "\"status\":200,\"bytes\":1024,\"upstream_ms\":0,\"total_ms\":1}";

    private final LoggerContext context = new LoggerContext();
    private BufferedStdoutAppender<ILoggingEvent> appender;
    private ILoggingEvent event;

    @Setup
    public void setUp() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        MessageLineEncoder encoder = new MessageLineEncoder();
        encoder.setContext(context);
        encoder.start();
        appender = new BufferedStdoutAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.redirect(OutputStream.nullOutputStream(), () -> Executors.newSingleThreadScheduledExecutor());
        appender.start();
        Logger logger = context.getLogger(AccessLog.LOGGER);
        event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, LINE, null, null);
    }

    @TearDown
    public void tearDown() {
        appender.stop();
        context.stop();
    }

    @Benchmark
    public void appendLine() {
        appender.doAppend(event);
    }
}
