package dev.linkgate.gateway.upstream;

/** No connection to the upstream could be had in time (pool exhausted, or shutting down). */
public final class UpstreamUnavailableException extends Exception {
    public UpstreamUnavailableException(String message) {
        super(message, null, false, false);
    }
}
