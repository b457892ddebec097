package dev.linkgate.core.config;

/**
 * Thrown by the config records' constructors. It names the offending key as written in YAML, relative to
 * the record ({@code max-connections} for {@link UpstreamConfig}), so the loader can report the full key path
 * and its position. Code building records directly sees an ordinary {@link IllegalArgumentException}.
 */
public final class InvalidConfigValue extends IllegalArgumentException {
    private final String key;
    private final String detail;

    public InvalidConfigValue(String key, String detail) {
        super(key + ": " + detail);
        this.key = key;
        this.detail = detail;
    }

    /** The YAML key within the record's section, e.g. {@code double-click-window}. */
    public String key() {
        return key;
    }

    public String detail() {
        return detail;
    }
}
