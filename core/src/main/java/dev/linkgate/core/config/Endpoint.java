package dev.linkgate.core.config;

/** A listening address. */
public record Endpoint(String host, int port) {
}
