package dev.linkgate.gateway.http1;

import dev.linkgate.core.config.ServerConfig;
import io.netty.buffer.ByteBuf;

import java.util.Arrays;

/**
 * Parses HTTP/1.1 and HTTP/1.0 request heads from a connection's inbound bytes, stricter than Netty's decoder
 * (the differential test and its corpus hold the cases where the two differ, each with its reason).
 *
 * <p>Incremental: {@link #parse} returns null until the whole head has arrived. The caller keeps the bytes it
 * has not consumed and passes them again with what arrived since (as a cumulating decoder does); the parser
 * copies each byte once into the head's array and resumes at the line it had not finished. On success the
 * buffer's reader index moves past the head; the body, if any, and any pipelined request stay in it.
 *
 * <p>Rules (each stated by a test): lines end in CRLF, and a CR anywhere else is refused; a request line is
 * {@code token SP target SP HTTP/1.x} with single spaces; a field line is {@code token ":" OWS value OWS}, with
 * no whitespace before the colon and no obs-fold; values hold no control character but HTAB; the target no
 * control character, space or DEL, and is in origin form, absolute form (http/https, no user info) or
 * {@code *} for OPTIONS; HTTP/1.1 has exactly one Host, HTTP/1.0 at most one, each a valid authority; at most one
 * Content-Length, of digits without a leading zero; Transfer-Encoding only on HTTP/1.1, only once, only
 * {@code chunked}, never with Content-Length; CONNECT is refused. Limits as Netty counts them: the request line
 * without its CRLF up to {@code server.max-request-line} (414 beyond), the field lines without their CRLFs up to
 * {@code server.max-header-size} together (431 beyond).
 *
 * <p>One per connection, used on its event loop.
 */
public final class RequestHeadParser {
    private static final byte[] HTTP_1_ = {'H', 'T', 'T', 'P', '/', '1', '.'};
    /** The first copy of a head's bytes takes what has arrived up to this; a longer head grows the array. */
    private static final int FIRST_COPY = 2048;
    /** RFC 9112 2.2 asks a server to ignore at least one empty line before a request line; a few are plenty. */
    static final int MAX_EMPTY_LINES = 8;

    private final int maxRequestLine;
    private final int maxHeaderSize;
    /** The most head bytes there can be within both limits: each field line costs at least 2 + 2 bytes. */
    private final int maxHead;

    private byte[] head;
    private int copied;
    private int lineStart;
    private int headerBytes;
    private int skippedEmptyLines;
    private boolean requestLineDone;
    private int methodEnd;
    private int targetStart;
    private int targetEnd;
    private boolean http10;
    private int[] fields = new int[16 * RequestHead.STRIDE];
    private int fieldCount;

    public RequestHeadParser(int maxRequestLine, int maxHeaderSize) {
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderSize = maxHeaderSize;
        this.maxHead = maxRequestLine + 2 + 2 * maxHeaderSize + 2;
    }

    public RequestHeadParser(ServerConfig server) {
        this(server.maxRequestLine().toIntBytes(), server.maxHeaderSize().toIntBytes());
    }

    /**
     * The next request head, or null while it is incomplete.
     *
     * @throws RequestRejected when the bytes cannot be a request linkgate passes on; the parser (and the
     *                         connection) must not be used after that
     */
    public RequestHead parse(ByteBuf in) throws RequestRejected {
        if (copied == 0 && !skipEmptyLines(in)) {
            return null;
        }
        while (true) {
            int end = lineStart == copied ? -1 : scanLines();
            if (end >= 0) {
                RequestHead parsed = finish(end);
                in.skipBytes(end);
                return parsed;
            }
            int fresh = Math.min(in.readableBytes() - copied, maxHead - copied);
            if (fresh <= 0) {
                return null;
            }
            int n = Math.min(fresh, Math.max(FIRST_COPY, copied));
            if (head == null) {
                // Sized to what has arrived: the array becomes the RequestHead's, so a GET costs its own size.
                head = new byte[n];
            } else if (copied + n > head.length) {
                head = Arrays.copyOf(head, Math.max(copied + n, Math.min(head.length * 2, maxHead)));
            }
            in.getBytes(in.readerIndex() + copied, head, copied, n);
            copied += n;
        }
    }

    /** Empty lines before a request line (a client's CRLF after a body) are skipped, up to {@link #MAX_EMPTY_LINES}. */
    private boolean skipEmptyLines(ByteBuf in) throws RequestRejected {
        while (in.readableBytes() >= 1 && in.getByte(in.readerIndex()) == HttpBytes.CR) {
            if (in.readableBytes() < 2) {
                return false;
            }
            if (in.getByte(in.readerIndex() + 1) != HttpBytes.LF) {
                throw RequestRejected.badRequest("bare CR before the request line");
            }
            if (++skippedEmptyLines > MAX_EMPTY_LINES) {
                throw RequestRejected.badRequest("empty lines before the request line");
            }
            in.skipBytes(2);
        }
        return in.isReadable();
    }

    /** Scans the complete lines copied so far; returns the head's length when its empty line was found, else -1. */
    private int scanLines() throws RequestRejected {
        while (lineStart < copied) {
            int next;
            if (!requestLineDone) {
                next = requestLine(lineStart, Math.min(copied, lineStart + maxRequestLine + 2));
                if (next < 0) {
                    if (copied - lineStart > maxRequestLine + 1) {
                        throw new RequestRejected(414, "request line too long");
                    }
                    return -1;
                }
                requestLineDone = true;
            } else {
                byte first = head[lineStart];
                if (first == HttpBytes.CR) {
                    if (lineStart + 1 >= copied) {
                        return -1;
                    }
                    if (head[lineStart + 1] != HttpBytes.LF) {
                        throw RequestRejected.badRequest("bare CR");
                    }
                    return lineStart + 2;
                }
                int budget = maxHeaderSize - headerBytes;
                next = fieldLine(lineStart, Math.min(copied, lineStart + budget + 2));
                if (next < 0) {
                    if (copied - lineStart > budget + 1) {
                        throw new RequestRejected(431, "header fields too large");
                    }
                    return -1;
                }
                headerBytes += next - 2 - lineStart;
            }
            lineStart = next;
        }
        return -1;
    }

    /** The request line in {@code [start, limit)}: the index after its CRLF, or -1 when incomplete. */
    private int requestLine(int start, int limit) throws RequestRejected {
        byte[] b = head;
        int p = start;
        while (p < limit && HttpBytes.isToken(b[p])) {
            p++;
        }
        if (p == limit) {
            return -1;
        }
        if (p == start || b[p] != HttpBytes.SP) {
            throw RequestRejected.badRequest("malformed method");
        }
        int mEnd = p++;
        int tStart = p;
        while (p < limit && HttpBytes.isTarget(b[p])) {
            p++;
        }
        if (p == limit) {
            return -1;
        }
        if (p == tStart || b[p] != HttpBytes.SP) {
            throw RequestRejected.badRequest("malformed request target");
        }
        int tEnd = p++;
        for (int i = 0; i < HTTP_1_.length; i++, p++) {
            if (p == limit) {
                return -1;
            }
            if (b[p] != HTTP_1_[i]) {
                return versionRejected(b, tEnd + 1, limit);
            }
        }
        if (p == limit) {
            return -1;
        }
        if (b[p] != '1' && b[p] != '0') {
            return versionRejected(b, tEnd + 1, limit);
        }
        boolean oneZero = b[p++] == '0';
        if (p == limit) {
            return -1;
        }
        if (b[p] != HttpBytes.CR) {
            throw RequestRejected.badRequest("malformed request line end");
        }
        if (++p == limit) {
            return -1;
        }
        if (b[p] != HttpBytes.LF) {
            throw RequestRejected.badRequest("bare CR");
        }
        methodEnd = mEnd;
        targetStart = tStart;
        targetEnd = tEnd;
        http10 = oneZero;
        return p + 1;
    }

    /**
     * Refuses a version other than 1.0 and 1.1: 505 when well-formed ({@code HTTP/2.0}, {@code HTTP/1.2}), else
     * 400. Returns -1 (incomplete) while the bytes so far could still be a well-formed version, so that the answer
     * does not depend on how the bytes arrived.
     */
    private static int versionRejected(byte[] b, int start, int limit) throws RequestRejected {
        for (int i = 0; i < 8; i++) {
            if (start + i == limit) {
                return -1;
            }
            byte c = b[start + i];
            boolean fits = i == 5 || i == 7 ? c >= '0' && c <= '9' : c == "HTTP/1.1".charAt(i) || i == 6 && c == '.';
            if (!fits) {
                throw RequestRejected.badRequest("malformed HTTP version");
            }
        }
        throw new RequestRejected(505, "HTTP version not supported");
    }

    /** A field line in {@code [start, limit)}: the index after its CRLF, or -1 when incomplete. */
    private int fieldLine(int start, int limit) throws RequestRejected {
        byte[] b = head;
        int p = start;
        while (p < limit && HttpBytes.isToken(b[p])) {
            p++;
        }
        if (p == limit) {
            return -1;
        }
        if (b[p] != ':') {
            throw RequestRejected.badRequest(p == start && HttpBytes.isOws(b[p]) ? "obs-fold"
                    : p > start && HttpBytes.isOws(b[p]) ? "whitespace before colon" : "malformed field name");
        }
        if (p == start) {
            throw RequestRejected.badRequest("empty field name");
        }
        int nameEnd = p++;
        while (p < limit && HttpBytes.isOws(b[p])) {
            p++;
        }
        int valueStart = p;
        while (p < limit && HttpBytes.isFieldContent(b[p])) {
            p++;
        }
        if (p == limit) {
            return -1;
        }
        if (b[p] != HttpBytes.CR) {
            throw RequestRejected.badRequest(b[p] == HttpBytes.LF ? "bare LF" : "control character in field value");
        }
        int valueEnd = p;
        while (valueEnd > valueStart && HttpBytes.isOws(b[valueEnd - 1])) {
            valueEnd--;
        }
        if (++p == limit) {
            return -1;
        }
        if (b[p] != HttpBytes.LF) {
            throw RequestRejected.badRequest("bare CR");
        }
        addField(start, nameEnd, valueStart, valueEnd, FieldName.of(b, start, nameEnd));
        return p + 1;
    }

    private void addField(int nameStart, int nameEnd, int valueStart, int valueEnd, int id) {
        int at = fieldCount * RequestHead.STRIDE;
        if (at + RequestHead.STRIDE > fields.length) {
            fields = Arrays.copyOf(fields, fields.length * 2);
        }
        fields[at + RequestHead.NAME_START] = nameStart;
        fields[at + RequestHead.NAME_END] = nameEnd;
        fields[at + RequestHead.VALUE_START] = valueStart;
        fields[at + RequestHead.VALUE_END] = valueEnd;
        fields[at + RequestHead.ID] = id;
        fieldCount++;
    }

    /** The complete head of {@code length} bytes: its framing and the rules across fields, then a fresh start. */
    private RequestHead finish(int length) throws RequestRejected {
        HeadFacts facts = HeadFacts.of(head, fields, fieldCount, http10);
        String method = Methods.of(head, 0, methodEnd);
        if ("CONNECT".equals(method)) {
            throw RequestRejected.badRequest("CONNECT is not proxied");
        }
        TargetForm form = TargetForm.of(head, targetStart, targetEnd, "OPTIONS".equals(method));
        RequestHead parsed = new RequestHead(head, length, method, targetStart, targetEnd, form.originStart(),
                form.authorityStart(), form.authorityEnd(), http10, facts.framing(), facts.contentLength(),
                facts.keepAlive(), facts.expectation(), Arrays.copyOf(fields, fieldCount * RequestHead.STRIDE),
                fieldCount, headerBytes);
        head = null;
        copied = 0;
        lineStart = 0;
        headerBytes = 0;
        skippedEmptyLines = 0;
        requestLineDone = false;
        fieldCount = 0;
        return parsed;
    }
}
