package dev.linkgate.gateway.http1;

import io.netty.buffer.ByteBuf;

import java.util.Arrays;

/**
 * Parses an upstream's response head from its bytes as strictly as a request head: lines end in CRLF (a CR
 * or LF anywhere else is refused), a status line {@code HTTP/1.x SP 3DIGIT [SP reason]}, field lines
 * {@code token ":" OWS value OWS} without obs-fold or control bytes, at most one Content-Length of digits, a
 * Transfer-Encoding only if it ends in {@code chunked} and never beside a Content-Length. The body's framing
 * follows RFC 9112 6.3: none for a 1xx, 204 or 304 or the answer to HEAD, then chunked, Content-Length, or the
 * connection's close. A refusal means the upstream cannot be trusted to frame its responses: the exchange ends
 * with a 502 and the connection is closed.
 *
 * <p>Stateless between calls: {@link #parse} finds the head's end in the readable bytes first, and returns null
 * until the whole head is there.
 */
public final class ResponseHeadParser {
    private static final byte[] CHUNKED = {'c', 'h', 'u', 'n', 'k', 'e', 'd'};

    private final int maxHead;

    /** @param maxHead the most bytes a head may have, its empty line included */
    public ResponseHeadParser(int maxHead) {
        this.maxHead = maxHead;
    }

    /**
     * The next response head, or null while incomplete; on success the reader index moves past it.
     *
     * @param toHead the request was a HEAD: the response has no body whatever its fields say
     * @throws RequestRejected (with status 502) when the bytes are not a response linkgate relays
     */
    public ResponseHead parse(ByteBuf in, boolean toHead) throws RequestRejected {
        int start = in.readerIndex();
        int limit = Math.min(in.writerIndex(), start + maxHead);
        int end = headEnd(in, start, limit);
        if (end < 0) {
            if (limit - start >= maxHead) {
                throw refused("response head too large");
            }
            return null;
        }
        byte[] b = new byte[end - start];
        in.getBytes(start, b);
        ResponseHead head = parse(b, toHead);
        in.skipBytes(b.length);
        return head;
    }

    /** The index after the empty line ending the head, or -1 when it has not arrived. */
    private static int headEnd(ByteBuf in, int start, int limit) {
        int lineStart = start;
        while (lineStart < limit) {
            int lf = in.indexOf(lineStart, limit, HttpBytes.LF);
            if (lf < 0) {
                return -1;
            }
            if (lf == lineStart + 1 && in.getByte(lineStart) == HttpBytes.CR && lineStart > start) {
                return lf + 1;
            }
            lineStart = lf + 1;
        }
        return -1;
    }

    private static ResponseHead parse(byte[] b, boolean toHead) throws RequestRejected {
        int p = 0;
        byte[] version = {'H', 'T', 'T', 'P', '/', '1', '.'};
        for (byte v : version) {
            if (b[p++] != v) {
                throw refused("malformed status line");
            }
        }
        boolean http10 = b[p] == '0';
        if (b[p] != '0' && b[p] != '1' || b[p + 1] != HttpBytes.SP) {
            throw refused("malformed status line");
        }
        p += 2;
        int codeStart = p;
        int status = 0;
        for (int i = 0; i < 3; i++, p++) {
            if (b[p] < '0' || b[p] > '9') {
                throw refused("malformed status code");
            }
            status = status * 10 + b[p] - '0';
        }
        if (status < 100) {
            throw refused("malformed status code");
        }
        if (b[p] == HttpBytes.SP) {
            p++;
            while (HttpBytes.isFieldContent(b[p])) {
                p++;
            }
        }
        int statusLineEnd = lineEnd(b, p);
        p = statusLineEnd;
        int[] fields = new int[16 * RequestHead.STRIDE];
        int count = 0;
        while (b[p] != HttpBytes.CR) {
            int nameStart = p;
            while (HttpBytes.isToken(b[p])) {
                p++;
            }
            if (p == nameStart || b[p] != ':') {
                throw refused("malformed field line");
            }
            int nameEnd = p++;
            while (HttpBytes.isOws(b[p])) {
                p++;
            }
            int valueStart = p;
            while (HttpBytes.isFieldContent(b[p])) {
                p++;
            }
            int valueEnd = HttpBytes.trimOws(b, valueStart, p);
            p = lineEnd(b, p);
            if ((count + 1) * RequestHead.STRIDE > fields.length) {
                fields = Arrays.copyOf(fields, fields.length * 2);
            }
            int at = count++ * RequestHead.STRIDE;
            fields[at + RequestHead.NAME_START] = nameStart;
            fields[at + RequestHead.NAME_END] = nameEnd;
            fields[at + RequestHead.VALUE_START] = valueStart;
            fields[at + RequestHead.VALUE_END] = valueEnd;
            fields[at + RequestHead.ID] = FieldName.of(b, nameStart, nameEnd);
        }
        return facts(b, status, codeStart, statusLineEnd, http10, toHead, fields, count);
    }

    /** The index after the CRLF at {@code p}; anything else there is refused. */
    private static int lineEnd(byte[] b, int p) throws RequestRejected {
        if (b[p] != HttpBytes.CR || b[p + 1] != HttpBytes.LF) {
            throw refused("malformed line end");
        }
        return p + 2;
    }

    private static ResponseHead facts(byte[] b, int status, int codeStart, int statusLineEnd, boolean http10,
                                      boolean toHead, int[] fields, int count) throws RequestRejected {
        long length = -1;
        boolean chunked = false;
        boolean codings = false;
        boolean close = false;
        boolean keepAlive = false;
        for (int i = 0; i < count; i++) {
            int at = i * RequestHead.STRIDE;
            int s = fields[at + RequestHead.VALUE_START];
            int e = fields[at + RequestHead.VALUE_END];
            switch (fields[at + RequestHead.ID]) {
                case FieldName.CONTENT_LENGTH -> {
                    if (length >= 0) {
                        throw refused("more than one Content-Length");
                    }
                    length = digits(b, s, e);
                }
                case FieldName.TRANSFER_ENCODING -> {
                    if (codings) {
                        throw refused("more than one Transfer-Encoding");
                    }
                    codings = true;
                    int last = s;
                    for (int c = s; c < e; c++) {
                        if (b[c] == ',') {
                            last = c + 1;
                        }
                    }
                    int ls = HttpBytes.skipOws(b, last, e);
                    chunked = HttpBytes.equalsIgnoreCase(b, ls, e, CHUNKED);
                    if (!chunked) {
                        throw refused("transfer coding not ending in chunked");
                    }
                }
                case FieldName.CONNECTION -> {
                    int options = HttpBytes.connectionOptions(b, s, e);
                    close |= (options & HttpBytes.CLOSE_OPTION) != 0;
                    keepAlive |= (options & HttpBytes.KEEP_ALIVE_OPTION) != 0;
                }
                default -> {
                }
            }
        }
        if (chunked && length >= 0) {
            throw refused("Content-Length with Transfer-Encoding");
        }
        ResponseHead.Framing framing;
        if (toHead || status < 200 || status == 204 || status == 304) {
            framing = ResponseHead.Framing.NONE;
        } else if (chunked) {
            framing = ResponseHead.Framing.CHUNKED;
        } else if (length >= 0) {
            framing = ResponseHead.Framing.CONTENT_LENGTH;
        } else {
            framing = ResponseHead.Framing.CLOSE;
        }
        boolean persistent = !close && (!http10 || keepAlive);
        return new ResponseHead(b, b.length, status, codeStart, statusLineEnd - 2, framing,
                framing == ResponseHead.Framing.CONTENT_LENGTH ? length : -1, persistent, fields, count);
    }

    private static long digits(byte[] b, int s, int e) throws RequestRejected {
        if (s == e || e - s > 18) {
            throw refused("malformed Content-Length");
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            if (b[i] < '0' || b[i] > '9') {
                throw refused("malformed Content-Length");
            }
            v = v * 10 + b[i] - '0';
        }
        return v;
    }

    private static RequestRejected refused(String why) {
        return new RequestRejected(502, why);
    }
}
