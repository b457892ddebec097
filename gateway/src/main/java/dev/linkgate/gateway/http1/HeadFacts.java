package dev.linkgate.gateway.http1;

/**
 * The rules across a head's fields, checked once the head is complete: Host, framing, keep-alive and Expect.
 *
 * @param contentLength -1 unless framing is CONTENT_LENGTH
 */
record HeadFacts(RequestHead.Framing framing, long contentLength, boolean keepAlive,
                 RequestHead.Expectation expectation) {
    private static final byte[] CHUNKED = {'c', 'h', 'u', 'n', 'k', 'e', 'd'};
    private static final byte[] CONTINUE = {'1', '0', '0', '-', 'c', 'o', 'n', 't', 'i', 'n', 'u', 'e'};

    static HeadFacts of(byte[] b, int[] fields, int count, boolean http10) throws RequestRejected {
        int hosts = 0;
        int lengths = 0;
        long contentLength = -1;
        int codings = 0;
        boolean close = false;
        boolean keepAlive = false;
        RequestHead.Expectation expectation = RequestHead.Expectation.NONE;
        for (int i = 0; i < count; i++) {
            int at = i * RequestHead.STRIDE;
            int start = fields[at + RequestHead.VALUE_START];
            int end = fields[at + RequestHead.VALUE_END];
            switch (fields[at + RequestHead.ID]) {
                case FieldName.HOST -> {
                    hosts++;
                    requireAuthority(b, start, end, "Host");
                }
                case FieldName.CONTENT_LENGTH -> {
                    lengths++;
                    contentLength = contentLength(b, start, end);
                }
                case FieldName.TRANSFER_ENCODING -> {
                    codings++;
                    if (!HttpBytes.equalsIgnoreCase(b, start, end, CHUNKED)) {
                        throw RequestRejected.badRequest("transfer coding other than chunked");
                    }
                }
                case FieldName.CONNECTION -> {
                    int options = HttpBytes.connectionOptions(b, start, end);
                    close |= (options & HttpBytes.CLOSE_OPTION) != 0;
                    keepAlive |= (options & HttpBytes.KEEP_ALIVE_OPTION) != 0;
                }
                case FieldName.EXPECT -> {
                    // HTTP/1.0 expectations are ignored (RFC 9110 10.1.1).
                    if (!http10 && expectation == RequestHead.Expectation.NONE) {
                        expectation = HttpBytes.equalsIgnoreCase(b, start, end, CONTINUE)
                                ? RequestHead.Expectation.CONTINUE : RequestHead.Expectation.OTHER;
                    }
                }
                default -> {
                }
            }
        }
        if (http10 ? hosts > 1 : hosts != 1) {
            throw RequestRejected.badRequest(hosts == 0 ? "no Host" : "more than one Host");
        }
        if (lengths > 1) {
            throw RequestRejected.badRequest("more than one Content-Length");
        }
        if (codings > 0) {
            if (http10) {
                throw RequestRejected.badRequest("Transfer-Encoding on HTTP/1.0");
            }
            if (codings > 1) {
                throw RequestRejected.badRequest("more than one Transfer-Encoding");
            }
            if (lengths > 0) {
                throw RequestRejected.badRequest("Content-Length with Transfer-Encoding");
            }
            return new HeadFacts(RequestHead.Framing.CHUNKED, -1, !close && !http10, expectation);
        }
        RequestHead.Framing framing = lengths > 0 ? RequestHead.Framing.CONTENT_LENGTH : RequestHead.Framing.NONE;
        return new HeadFacts(framing, contentLength, !close && (!http10 || keepAlive), expectation);
    }

    /**
     * 1*DIGIT without a leading zero (an upstream could read {@code 010} as octal) and within a long. A list,
     * even of equal values ({@code 5, 5}), is refused, as Netty is configured to (allowDuplicateContentLengths
     * false): merging would forward a framing the client did not write.
     */
    private static long contentLength(byte[] b, int start, int end) throws RequestRejected {
        if (start == end || (b[start] == '0' && end - start > 1)) {
            throw RequestRejected.badRequest("malformed Content-Length");
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                throw RequestRejected.badRequest("malformed Content-Length");
            }
            if (value > (Long.MAX_VALUE - digit) / 10) {
                throw RequestRejected.badRequest("Content-Length too large");
            }
            value = value * 10 + digit;
        }
        return value;
    }

    static void requireAuthority(byte[] b, int start, int end, String what) throws RequestRejected {
        if (start == end) {
            throw RequestRejected.badRequest("empty " + what);
        }
        for (int i = start; i < end; i++) {
            if (!HttpBytes.isAuthority(b[i])) {
                throw RequestRejected.badRequest("malformed " + what);
            }
        }
    }
}
