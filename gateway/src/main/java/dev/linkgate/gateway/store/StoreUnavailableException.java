package dev.linkgate.gateway.store;

/**
 * The shared click store cannot answer and {@code store.on-failure: interstitial} is set: the gateway must
 * not decide alone. For a visit, a take-over or a continue (nonce), it serves the interstitial (a continue
 * shows it again, with a "try again" note); a failed complete or release is only logged, since the forward
 * already happened or failed. Stack-less: it is expected while Redis is down.
 */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
