package dev.linkgate.core.config;

/** A listening address. Port 0 picks any free port (tests use it). */
public record Endpoint(String host, int port) {
    public Endpoint {
        if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidConfigValue("host", "must be an address to listen on, e.g. 127.0.0.1 or 0.0.0.0");
        }
        if (port < 0 || port > 65535) {
            throw new InvalidConfigValue("port", "must be 1-65535, or 0 for any free port (got " + port + ")");
        }
    }
}
