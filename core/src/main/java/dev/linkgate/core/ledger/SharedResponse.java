package dev.linkgate.core.ledger;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A copy of the first click's response, kept for the double-click window so that the same browser's
 * second click gets the same answer (status, headers with Set-Cookie, body) instead of a second session.
 *
 * <p>Held in its compact binary form ({@link #encode()}): one array instead of a record, a list and two strings
 * a header. A busy gateway keeps one copy per first click for the whole window, so these are what its young
 * collections copy; a graph of some thirty small objects a copy made those pauses several times longer.
 * The parts are decoded when read, which happens only when a double click is answered.
 */
public final class SharedResponse {
    private static final byte FORMAT = 1;

    private final byte[] encoded;

    public SharedResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Builder b = new Builder();
        for (Map.Entry<String, String> h : headers) {
            b.field(h.getKey(), h.getValue());
        }
        this.encoded = b.build(status, body, body.length).encoded;
    }

    private SharedResponse(byte[] encoded) {
        this.encoded = encoded;
    }

    public int status() {
        return ((encoded[1] & 0xff) << 8) | (encoded[2] & 0xff);
    }

    /** The headers, in order (framing headers were left out when the copy was taken). */
    public List<Map.Entry<String, String>> headers() {
        return read(encoded).headers;
    }

    /** A fresh copy of the body. */
    public byte[] body() {
        return read(encoded).body;
    }

    /** Bytes the copy takes in its compact form: what the copy memory budget counts. */
    public int size() {
        return encoded.length;
    }

    /** Compact binary form, for stores outside the process. */
    public byte[] encode() {
        return encoded.clone();
    }

    /** The compact form itself, not a copy: for the in-memory ledger's ring, which copies it in. */
    byte[] encoded() {
        return encoded;
    }

    /** A copy read back from bytes this class encoded (the in-memory ledger's ring): trusted, not checked. */
    static SharedResponse ofEncoded(byte[] encoded) {
        return new SharedResponse(encoded);
    }

    /** @throws IllegalArgumentException when {@code encoded} is not a whole shared response */
    public static SharedResponse decode(byte[] encoded) {
        byte[] own = encoded.clone();
        read(own);
        return new SharedResponse(own);
    }

    /**
     * A copy assembled field by field into its compact form, without a String per field: the relayed path hands
     * over each field as ISO-8859-1 bytes (as they came from the upstream). {@link #build} gives what the
     * constructor gives for the same fields decoded as ISO-8859-1, byte for byte. The format is
     * DataOutputStream's (writeUTF for each name and value, modified UTF-8), written straight into one array:
     * the stream's per-character writes were most of what keeping a copy cost.
     */
    public static final class Builder {
        private byte[] fields = new byte[256];
        private int length = 5;
        private int count;

        /** A field from bytes read as ISO-8859-1: the name in [nameStart, nameEnd), the value in [valueStart, valueEnd). */
        public Builder field(byte[] src, int nameStart, int nameEnd, int valueStart, int valueEnd) {
            latin1(src, nameStart, nameEnd);
            latin1(src, valueStart, valueEnd);
            count++;
            return this;
        }

        /** A field from text. */
        public Builder field(String name, String value) {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            ensure(2 + utfLength(name) + 2 + utfLength(value));
            length = putUtf(fields, length, name);
            length = putUtf(fields, length, value);
            count++;
            return this;
        }

        /**
         * The copy with these fields and the first {@code bodyLength} bytes of {@code body}.
         *
         * @throws UncheckedIOException when a name or value is over 65535 bytes encoded (as the constructor)
         */
        public SharedResponse build(int status, byte[] body, int bodyLength) {
            if (count > 0xFFFF) {
                throw new UncheckedIOException(new UTFDataFormatException("too many header fields: " + count));
            }
            byte[] out = Arrays.copyOf(fields, length + 4 + bodyLength);
            out[0] = FORMAT;
            putShort(out, 1, status);
            putShort(out, 3, count);
            putShort(out, length, bodyLength >>> 16);
            putShort(out, length + 2, bodyLength);
            System.arraycopy(body, 0, out, length + 4, bodyLength);
            return new SharedResponse(out);
        }

        /** Modified UTF-8 of the ISO-8859-1 text in [start, end): ASCII but NUL as it is, the rest in two bytes. */
        private void latin1(byte[] src, int start, int end) {
            int n = end - start;
            for (int i = start; i < end; i++) {
                byte b = src[i];
                if (b <= 0) {
                    n++;
                }
            }
            if (n > 65535) {
                throw new UncheckedIOException(new UTFDataFormatException("encoded string too long: " + n + " bytes"));
            }
            ensure(2 + n);
            putShort(fields, length, n);
            int at = length + 2;
            if (n == end - start) {
                // All ASCII without NUL (every header linkgate sees in practice): the bytes are their own encoding.
                System.arraycopy(src, start, fields, at, n);
                length = at + n;
                return;
            }
            for (int i = start; i < end; i++) {
                int c = src[i] & 0xff;
                if (c > 0 && c < 0x80) {
                    fields[at++] = (byte) c;
                } else {
                    fields[at++] = (byte) (0xC0 | (c >> 6));
                    fields[at++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            length = at;
        }

        private void ensure(int more) {
            if (length + more > fields.length) {
                fields = Arrays.copyOf(fields, Math.max(fields.length * 2, length + more));
            }
        }
    }

    /** Bytes of {@code s} in modified UTF-8; beyond 65535 it cannot be written (as writeUTF refuses it). */
    private static int utfLength(String s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == 0) {
                n += c >= 0x800 ? 2 : 1;
            }
        }
        if (n > 65535) {
            throw new UncheckedIOException(new UTFDataFormatException("encoded string too long: " + n + " bytes"));
        }
        return n;
    }

    private static int putUtf(byte[] out, int at, String s) {
        int start = at;
        at += 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0 && c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        putShort(out, start, at - start - 2);
        return at;
    }

    private static void putShort(byte[] out, int at, int v) {
        out[at] = (byte) (v >>> 8);
        out[at + 1] = (byte) v;
    }

    private record Parts(List<Map.Entry<String, String>> headers, byte[] body) {
    }

    private static Parts read(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalArgumentException("unknown shared response format");
            }
            in.readUnsignedShort();
            int n = in.readUnsignedShort();
            Map.Entry<String, String>[] headers = newEntries(n);
            for (int i = 0; i < n; i++) {
                headers[i] = Map.entry(in.readUTF(), in.readUTF());
            }
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            if (in.read() != -1) {
                throw new IllegalArgumentException("shared response with trailing bytes");
            }
            return new Parts(List.of(headers), body);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated shared response", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map.Entry<String, String>[] newEntries(int n) {
        return new Map.Entry[n];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SharedResponse other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "SharedResponse[status=" + status() + ", " + encoded.length + " bytes]";
    }
}
