package dev.linkgate.gateway.http;

/** User events fired through a client connection's pipeline. */
public enum ConnectionEvent {
    /** The server is shutting down: finish the request in flight, then close. */
    DRAIN
}
