package dev.linkgate.core.detect;

/**
 * A scanner list (user agents or networks) cannot be read or has a line linkgate cannot read. The message names
 * the file and line, and, once loaded from a configuration, the key that names the file:
 * {@code config error at detection.networks: /etc/linkgate/networks.txt:12: expected 'VENDOR CIDR' but found 'x'}.
 */
public final class ScannerListException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String source;
    private final int line;
    private final String problem;

    /** @param line 1-based; 0 for a problem with the whole file, such as it not existing */
    public ScannerListException(String source, int line, String problem) {
        this(null, source, line, problem);
    }

    private ScannerListException(String key, String source, int line, String problem) {
        super((key == null ? "" : "config error at " + key + ": ")
                + (source == null ? "" : source + (line > 0 ? ":" + line : "") + ": ") + problem);
        this.key = key;
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    /** The same problem, reported at the config key that names the list. */
    ScannerListException atKey(String configKey) {
        return new ScannerListException(configKey, source, line, problem);
    }

    /** A problem with a value written in the config itself (an inline pattern): the key says where. */
    ScannerListException inlineAt(String configKey) {
        return new ScannerListException(configKey, null, 0, problem);
    }

    /** The config key naming the list ({@code detection.networks}), or null when loaded without a config. */
    public String key() {
        return key;
    }

    /** The file (or setting) the line came from; null for a value written in the config. */
    public String source() {
        return source;
    }

    /** 1-based line number; 0 for a problem with the whole file. */
    public int line() {
        return line;
    }
}
