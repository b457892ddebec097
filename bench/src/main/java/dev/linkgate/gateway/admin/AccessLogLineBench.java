package dev.linkgate.gateway.admin;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
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
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One access log line from its record to the appender's buffer, under the shipped logback.xml (stdout replaced by
 * a null stream): {@link AccessLog#log} as the event loop calls it once a request, for a passthrough request and
 * for a link (its redacted token holds a non-ASCII character). To compare two builds, run it with the older
 * build's jar first on the class path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AccessLogLineBench {
    private final AccessLog.AccessRecord passthrough = new AccessLog.AccessRecord(Instant.parse("2026-12-02T10:00:00.123Z"),
            "127.0.0.1", "GET", "/static/app.css", "pass", List.of(), 200, 1024, 0, 1, "HTTP/1.1");
    private final AccessLog.AccessRecord link = new AccessLog.AccessRecord(Instant.parse("2026-12-02T10:00:00.123456Z"),
            "203.0.113.7", "GET", "/sign/1764ab…", "forward", List.of("first_click", "fetch_navigate"), 302, 0, 1, 2,
            "HTTP/1.1");
    private BufferedStdoutAppender<?> appender;

    @Setup
    public void setUp() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(AccessLogLineBench.class.getClassLoader().getResource("logback.xml"));
        Logger logger = context.getLogger(AccessLog.LOGGER);
        appender = (BufferedStdoutAppender<?>) logger.getAppender("ACCESS");
        appender.stop();
        appender.redirect(OutputStream.nullOutputStream(), Executors::newSingleThreadScheduledExecutor);
        appender.start();
    }

    @TearDown
    public void tearDown() {
        appender.stop();
    }

    @Benchmark
    public void passthroughLine() {
        AccessLog.log(passthrough);
    }

    @Benchmark
    public void linkLine() {
        AccessLog.log(link);
    }
}
