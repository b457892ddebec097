package dev.linkgate.core.config;

/**
 * A configuration problem, as one line naming the key and where it is written:
 * {@code config error at policy.double-click-window (line 12, column 25): "2x" is not a duration (e.g. 500ms, 2s)}.
 * Messages never contain the secret.
 */
public final class ConfigException extends RuntimeException {
    private final String source;
    private final String keyPath;
    private final int line;
    private final int column;
    private final String detail;

    ConfigException(String source, String keyPath, YamlNode.Position position, String detail) {
        this(source, keyPath, position, detail, null);
    }

    ConfigException(String source, String keyPath, YamlNode.Position position, String detail, Throwable cause) {
        super(format(keyPath, position, detail), cause);
        this.source = source;
        this.keyPath = keyPath;
        this.line = position == null ? 0 : position.line();
        this.column = position == null ? 0 : position.column();
        this.detail = detail;
    }

    /** A problem with the file as a whole, such as it not existing. */
    static ConfigException ofFile(String source, String detail, Throwable cause) {
        return new ConfigException(source, null, null, detail, cause);
    }

    private static String format(String keyPath, YamlNode.Position position, String detail) {
        StringBuilder b = new StringBuilder("config error");
        if (keyPath != null && !keyPath.isEmpty()) {
            b.append(" at ").append(keyPath);
        }
        if (position != null) {
            b.append(" (line ").append(position.line()).append(", column ").append(position.column()).append(')');
        }
        return b.append(": ").append(detail).toString();
    }

    /** The file (or name given to {@link ConfigLoader#parse}) the problem is in. */
    public String source() {
        return source;
    }

    /** The key, such as {@code policy.double-click-window} or {@code links[1].path}; null for syntax errors. */
    public String keyPath() {
        return keyPath;
    }

    /** 1-based; 0 when the problem has no position. */
    public int line() {
        return line;
    }

    /** 1-based; 0 when the problem has no position. */
    public int column() {
        return column;
    }

    /** The message without the key and position. */
    public String detail() {
        return detail;
    }
}
