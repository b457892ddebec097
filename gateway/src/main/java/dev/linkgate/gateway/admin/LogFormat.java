package dev.linkgate.gateway.admin;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import dev.linkgate.core.config.LoggingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code logging.format} to linkgate's own log lines: the EVENTS appender of logback.xml, on stderr.
 * JSON is what logback.xml writes, so only text changes anything. The access log (stdout) is never touched.
 */
public final class LogFormat {
    /** ISO 8601 time in UTC, level, the logger's simple name, the message, then any stack trace. */
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX, UTC} %-5level %logger{0}: %msg%n%ex";
    static final String EVENTS_APPENDER = "EVENTS";

    private LogFormat() {
    }

    public static void apply(LoggingConfig.Format format) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            apply(context, format);
        }
    }

    /** A logback.xml replaced with -Dlogback.configurationFile and no EVENTS appender keeps its own format. */
    static void apply(LoggerContext context, LoggingConfig.Format format) {
        Appender<ILoggingEvent> events = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(EVENTS_APPENDER);
        if (format != LoggingConfig.Format.TEXT || !(events instanceof OutputStreamAppender<ILoggingEvent> stream)) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        stream.stop();
        stream.setEncoder(encoder);
        stream.start();
    }
}
