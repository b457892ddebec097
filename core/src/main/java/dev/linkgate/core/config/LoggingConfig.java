package dev.linkgate.core.config;

import java.util.Objects;

/**
 * How linkgate writes its own log lines, on stderr. The access log on stdout is JSON whatever this says.
 *
 * @param format json (one object a line, for log pipelines) or text (ISO time, level, message, for a console)
 */
public record LoggingConfig(Format format) {
    public enum Format { JSON, TEXT }

    public LoggingConfig {
        Objects.requireNonNull(format, "format");
    }

    public static LoggingConfig defaults() {
        return new LoggingConfig(ConfigDefaults.LOG_FORMAT);
    }
}
