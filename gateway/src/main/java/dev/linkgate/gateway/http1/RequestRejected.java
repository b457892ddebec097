package dev.linkgate.gateway.http1;

/**
 * A request linkgate will not pass on: the status to answer with (400, 414, 431 or 505) and why. The
 * connection closes after it, since the bytes that follow cannot be framed.
 *
 * <p>Without a stack trace: a rejection is an answer to a client, not a fault in linkgate, and a client can
 * make many.
 */
public final class RequestRejected extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    RequestRejected(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    static RequestRejected badRequest(String reason) {
        return new RequestRejected(400, reason);
    }

    /** 400, 414 (request line too long), 431 (header fields too large) or 505 (HTTP version). */
    public int status() {
        return status;
    }

    /** A short description for the error log; never contains request bytes. */
    public String reason() {
        return getMessage();
    }
}
