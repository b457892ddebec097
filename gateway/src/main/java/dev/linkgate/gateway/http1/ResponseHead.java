package dev.linkgate.gateway.http1;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * An upstream's response head, parsed once from its bytes by {@link ResponseHeadParser} and relayed to the
 * client as those bytes with the few edits a proxy makes: the status line as HTTP/1.1, hop-by-hop fields (and
 * those the Connection header names) dropped, the client connection's own {@code Connection} decision added.
 * A chunked body is relayed with its framing, so its {@code Transfer-Encoding} line is kept as it came; a body
 * that ends with the connection is chunked for the client.
 */
public final class ResponseHead {
    /** How the body after the head ends. */
    public enum Framing { NONE, CONTENT_LENGTH, CHUNKED, CLOSE }

    private static final byte[] HTTP_1_1 = "HTTP/1.1 ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION = "connection: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "transfer-encoding: chunked\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SET_COOKIE = "set-cookie: ".getBytes(StandardCharsets.US_ASCII);

    final byte[] bytes;
    final int length;
    private final int status;
    /** Where the status code starts: the status line is copied from there. */
    private final int codeStart;
    private final int statusLineEnd;
    private final Framing framing;
    private final long contentLength;
    private final boolean keepAlive;
    final int[] fields;
    final int fieldCount;

    ResponseHead(byte[] bytes, int length, int status, int codeStart, int statusLineEnd, Framing framing,
                 long contentLength, boolean keepAlive, int[] fields, int fieldCount) {
        this.bytes = bytes;
        this.length = length;
        this.status = status;
        this.codeStart = codeStart;
        this.statusLineEnd = statusLineEnd;
        this.framing = framing;
        this.contentLength = contentLength;
        this.keepAlive = keepAlive;
        this.fields = fields;
        this.fieldCount = fieldCount;
    }

    public int status() {
        return status;
    }

    public boolean informational() {
        return status >= 100 && status < 200;
    }

    public Framing framing() {
        return framing;
    }

    /** The Content-Length, or -1 unless framing is {@link Framing#CONTENT_LENGTH}. */
    public long contentLength() {
        return contentLength;
    }

    /** Whether the upstream lets its connection carry another request after this response. */
    public boolean keepAlive() {
        return keepAlive && framing != Framing.CLOSE;
    }

    /** The head's size in bytes, the final empty line included. */
    public int length() {
        return length;
    }

    /** One field of the head, as its bytes: the name in [nameStart, nameEnd), the value (trimmed) in [valueStart, valueEnd). */
    public interface FieldBytes {
        void field(byte[] bytes, int nameStart, int nameEnd, int valueStart, int valueEnd);
    }

    /**
     * Each end-to-end field the client receives, as name (as sent) and value (trimmed), ISO-8859-1 bytes, in
     * order, without the framing ones (Content-Length, Transfer-Encoding): what a copy of the response keeps,
     * since its replay sets its own length.
     */
    public void forEachEndToEndField(FieldBytes action) {
        ConnectionTokens named = ConnectionTokens.of(bytes, fields, fieldCount);
        for (int i = 0; i < fieldCount; i++) {
            int base = i * RequestHead.STRIDE;
            int id = fields[base + RequestHead.ID];
            if (id != FieldName.CONTENT_LENGTH && !FieldName.isHopByHop(id) && !named.names(bytes, fields, i)) {
                action.field(bytes, fields[base + RequestHead.NAME_START], fields[base + RequestHead.NAME_END],
                        fields[base + RequestHead.VALUE_START], fields[base + RequestHead.VALUE_END]);
            }
        }
    }

    /**
     * Writes the head for the client: status line as HTTP/1.1, the end-to-end fields as they came, then
     * {@code connection: <connection>} when given, {@code set-cookie: <setCookie>} when given (linkgate's own
     * cookie on a first click), and {@code transfer-encoding: chunked} when a close-delimited body is chunked
     * for the client.
     */
    public void writeForClient(ByteBuf out, String connection, String setCookie, boolean chunkBody) {
        out.writeBytes(HTTP_1_1);
        out.writeBytes(bytes, codeStart, statusLineEnd - codeStart);
        out.writeByte('\r').writeByte('\n');
        ConnectionTokens named = ConnectionTokens.of(bytes, fields, fieldCount);
        int runStart = -1;
        for (int i = 0; i < fieldCount; i++) {
            int id = fields[i * RequestHead.STRIDE + RequestHead.ID];
            boolean keep = id == FieldName.TRANSFER_ENCODING ? framing == Framing.CHUNKED
                    : !FieldName.isHopByHop(id) && !named.names(bytes, fields, i);
            if (keep && runStart < 0) {
                runStart = i;
            } else if (!keep && runStart >= 0) {
                copy(out, runStart, i);
                runStart = -1;
            }
        }
        copy(out, runStart, fieldCount);
        if (connection != null) {
            out.writeBytes(CONNECTION).writeCharSequence(connection, StandardCharsets.US_ASCII);
            out.writeByte('\r').writeByte('\n');
        }
        if (setCookie != null) {
            out.writeBytes(SET_COOKIE).writeCharSequence(setCookie, StandardCharsets.US_ASCII);
            out.writeByte('\r').writeByte('\n');
        }
        if (chunkBody) {
            out.writeBytes(CHUNKED);
        }
        out.writeByte('\r').writeByte('\n');
    }

    private void copy(ByteBuf out, int from, int to) {
        RequestHead.copyFieldLines(out, bytes, fields, fieldCount, length, from, to);
    }

    @Override
    public String toString() {
        return "ResponseHead[" + status + ", " + fieldCount + " fields, " + framing + "]";
    }
}
